// A compact binary form of a checked file's outcome (its plan model and diagnostics), for the
// check cache. Decoding is bounds-checked: malformed bytes give nullopt, never a crash.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"

namespace bbg::model {

struct FileOutcome {
  Diagnostics diagnostics;
  std::optional<Plan> plan;
};

// How much of a plan an encoded outcome keeps (the diagnostics are always whole):
// - summary: the plan's id, title, parent and period, no areas: what `bbg check` needs (the
//   rules across files) and what finding a plan by id needs;
// - report: besides, what the status, overdue and stale reports read (titles, owners, deadlines,
//   recurrence, status, the dates and statuses of the update log), without places in the file;
// - full: everything.
enum class Detail { full, report, summary };

std::string encode(const FileOutcome& outcome, Detail detail = Detail::full);
std::optional<FileOutcome> decode(std::string_view bytes);

// What `bbg check` of a whole repository found, kept so that a run whose every file is known
// unchanged answers from it (as git's index answers git status).
struct Verdict {
  std::size_t files = 0;              // files checked
  bool unreadable = false;            // some file could not be read
  std::vector<std::string> reported;  // the files reported on, in order
  Diagnostics diagnostics;
};
std::string encode(const Verdict& verdict);
std::optional<Verdict> decode_verdict(std::string_view bytes);

// The outcome with only what Detail::summary keeps.
void summarise(FileOutcome& outcome);

}  // namespace bbg::model
