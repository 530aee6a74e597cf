// The writing commands' one way to change a plan: the workspace's edit, then the diff (dry run)
// or a one-line summary on stdout.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "model/date.hpp"
#include "yaml/edit.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {

// One update as bbg update and bbg import record it.
struct UpdateRequest {
  std::string activity_id;
  model::Date date;
  std::string status;  // the file's word
  std::string note;
  std::string by;
  std::string round;  // empty: the round whose window holds the date
};
struct Recorded {
  yaml::EditResult result;
  std::string previous;         // the activity's status before ("?" when it has none)
  std::string activity_status;  // the activity's status after, when it is not the update's
};
// Appends `request` to its activity in `plan` (the file `text`, its tree `root`): the activity's
// status becomes what model::status_after makes of it (a recurring activity's round done, not
// its last, leaves it in_progress). Throws UsageError when the plan has no such activity.
Recorded record_update(std::string_view text, const yaml::Node& root, const model::Plan& plan, const UpdateRequest& request);

// What bbg check would now warn about that it did not before the edit, on stderr.
void print_new_warnings(const Context& context, const workspace::Edited& edited);

// Returns the exit code.
int edit_plan(const Context& context, const std::string& plan_id, const workspace::Change& change,
              const std::function<std::string(const model::Plan& plan)>& summary, workspace::DryRun dry_run);

}  // namespace bbg::cli
