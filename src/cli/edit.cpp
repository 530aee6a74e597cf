#include "cli/edit.hpp"

#include <ostream>

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
  return 0;
}

}  // namespace bbg::cli
