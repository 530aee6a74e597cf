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

// `summary` keeps of the plan its id, title, parent and period, and of its areas and activities
// only their ids: what `bbg check` needs from a file (its diagnostics, the plan id and parent for
// the rules across files) and what finding an activity by id needs.
enum class Detail { full, summary };

std::string encode(const FileOutcome& outcome, Detail detail = Detail::full);
std::optional<FileOutcome> decode(std::string_view bytes);

// The outcome with only what Detail::summary keeps.
void summarise(FileOutcome& outcome);

// Drops the JSON pointers of the plan's inner fields, which only the per-file rules use, to
// keep memory low when many plans are held for a report.
void drop_pointers(Plan& plan);

}  // namespace bbg::model
