#include "cli/edit.hpp"

#include <ostream>

#include <fmt/format.h>

#include "render/diagnostics.hpp"
#include "render/diff.hpp"
#include "model/rounds.hpp"
#include "report/show.hpp"
#include "util/error.hpp"

namespace bbg::cli {

Recorded record_update(std::string_view text, const yaml::Node& root, const model::Plan& plan, const UpdateRequest& request) {
  // find_in_plan points into `plan` itself; a lookup in a temporary vector of copies would
  // point into memory freed at the end of the statement.
  const model::Activity* found = report::find_in_plan(plan, request.activity_id);
  if (!found) throw util::UsageError(report::find_activity({plan}, plan.id + "/" + request.activity_id).error);
  Recorded out;
  out.previous = found->status ? model::to_string(*found->status) : "?";
  model::Activity after = *found;
  model::Update update;
  update.date = model::DateField{request.date.iso(), request.date, {}};
  update.status = model::parse_status(request.status);
  if (!request.round.empty()) {
    update.round = model::DeadlineField{request.round, model::parse_deadline(request.round), {}};
  }
  after.updates.push_back(update);
  const std::string status = model::to_string(model::status_after(after, plan, after.updates.size() - 1));
  if (status != request.status) out.activity_status = status;
  out.result = yaml::append_update(text, root, request.activity_id,
                                   {request.date.iso(), request.status, request.note, request.by, request.round,
                                    out.activity_status});
  return out;
}

void print_new_warnings(const Context& context, const workspace::Edited& edited) {
  // What bbg check would now warn about, said at once rather than at the next check.
  for (const auto& warning : edited.new_warnings) *context.err << render::one_line(warning) << "\n";
  if (!edited.new_warnings.empty() && edited.old_warnings > 0) {
    *context.err << fmt::format("{}: {} other warning{} that {} there before; run bbg check {} to see {}\n", edited.file,
                                edited.old_warnings, edited.old_warnings == 1 ? "" : "s",
                                edited.old_warnings == 1 ? "was" : "were", edited.file,
                                edited.old_warnings == 1 ? "it" : "them");
  }
}

int edit_plan(const Context& context, const std::string& plan_id, const workspace::Change& change,
              const std::function<std::string(const model::Plan&)>& summary, workspace::DryRun dry_run) {
  const workspace::Edited edited = context.workspace().edit(plan_id, change, dry_run);
  if (dry_run == workspace::DryRun::yes) {
    *context.out << render::unified_diff(edited.before, edited.after, edited.file) << std::flush;
  } else {
    *context.out << summary(edited.plan) << std::flush;
  }
  print_new_warnings(context, edited);
  return 0;
}

}  // namespace bbg::cli
