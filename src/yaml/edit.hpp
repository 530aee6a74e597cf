// Surgical edits of a plan file: splice new bytes at the places the parser's marks point to,
// never re-emit the document, so comments, key order, quoting, indentation, flow or block
// style and line endings stay as they were. Every edit re-parses its result and compares it
// with the intended document; anything else is refused, with nothing written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/document.hpp"

namespace bbg::yaml {

struct NewUpdate {
  std::string date;    // YYYY-MM-DD
  std::string status;  // one of the statuses
  std::string note;    // left out when empty
  std::string by;      // left out when empty
  std::string round;   // the round of a recurring activity it names (grammar of due); left out when empty
  // The activity's own status after it, when that is not `status` (a recurring activity's round
  // done, not its last: in_progress); empty: `status`.
  std::string activity_status;
};

struct NewActivity {
  std::string id;
  std::string title;
  std::vector<std::string> owners;  // left out when empty
  std::string start;                // left out when empty
  std::string due;                  // left out when empty
  std::string status = "planned";
  std::string follow_up;            // left out when empty
};

struct NewArea {
  std::string id;
  std::string title;
};

struct EditResult {
  std::string text;   // the whole edited file
  std::string error;  // not empty: the edit was refused, and why
};

// `text` is the file as read (a BOM included) and `root` its tree from load().
EditResult append_update(std::string_view text, const Node& root, std::string_view activity_id, const NewUpdate& update);
EditResult add_activity(std::string_view text, const Node& root, std::string_view area_id, const NewActivity& activity);
EditResult add_area(std::string_view text, const Node& root, const NewArea& area);

// Where a new scalar goes: a block value ("key: value" on its own line) or inside [ ] or { }.
enum class Context { block, flow };
// How it is quoted: plain where YAML 1.2 and 1.1 readers both read it back as the same string,
// else double-quoted; or always in the quotes given (to match the file, as ids are).
enum class Quote { as_needed, double_, single };

// The one function that decides how bbg writes a string into a plan file: every string it
// writes reads back (with bbg's reader, libfyaml) as the same string, typed as a string.
// Single quotes fall back to double ones for text that needs escapes.
std::string yaml_string(std::string_view value, Context context = Context::block, Quote quote = Quote::as_needed);

// Same content, positions and quoting style ignored (a scalar's type and text must match): a
// tree as read against what an edit expects it to read as.
bool equivalent(const Node& a, const Value& b);

}  // namespace bbg::yaml
