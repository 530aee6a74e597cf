// The writing commands' one way to change a plan: the workspace's edit, then the diff (dry run)
// or a one-line summary on stdout.
#pragma once

#include <functional>
#include <string>

#include "cli/context.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {

// Returns the exit code.
int edit_plan(const Context& context, const std::string& plan_id, const workspace::Change& change,
              const std::function<std::string(const model::Plan& plan)>& summary, workspace::DryRun dry_run);

}  // namespace bbg::cli
