#include "cli/edit.hpp"

#include <ostream>

#include <fmt/format.h>

#include "render/diagnostics.hpp"
#include "render/diff.hpp"

namespace bbg::cli {

int edit_plan(const Context& context, const std::string& plan_id, const workspace::Change& change,
              const std::function<std::string(const model::Plan&)>& summary, workspace::DryRun dry_run) {
  const workspace::Edited edited = context.workspace().edit(plan_id, change, dry_run);
  if (dry_run == workspace::DryRun::yes) {
    *context.out << render::unified_diff(edited.before, edited.after, edited.file) << std::flush;
  } else {
    *context.out << summary(edited.plan) << std::flush;
  }
  // What bbg check would now warn about, said at once rather than at the next check.
  for (const auto& warning : edited.new_warnings) *context.err << render::one_line(warning) << "\n";
  if (!edited.new_warnings.empty() && edited.old_warnings > 0) {
    *context.err << fmt::format("{}: {} other warning{} that {} there before; run bbg check {} to see {}\n", edited.file,
                                edited.old_warnings, edited.old_warnings == 1 ? "" : "s",
                                edited.old_warnings == 1 ? "was" : "were", edited.file,
                                edited.old_warnings == 1 ? "it" : "them");
  }
  return 0;
}

}  // namespace bbg::cli
