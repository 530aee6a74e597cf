// The one way commands change a plan file: under the repository's write lock, read the file,
// edit it surgically, check the result together with the rest of the repository, then write
// it atomically, or with --dry-run print the diff and write nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "model/plan.hpp"
#include "yaml/document.hpp"
#include "yaml/edit.hpp"

namespace bbg::cli {

enum class DryRun { no, yes };

// Edits the file of plan `plan_id`. `edit` gets the file's text, its tree and its plan model
// (read under the lock) and returns the edited text or a refusal. Returns the exit code;
// prints the diff (dry run) or `summary` (after writing) on stdout, refusals on stderr.
int edit_plan(const Context& context, const std::string& plan_id,
              const std::function<yaml::EditResult(std::string_view, const yaml::Node&, const model::Plan&)>& edit,
              const std::function<std::string(const model::Plan&)>& summary, DryRun dry_run);

// Writes a new file under the write lock, refusing to replace an existing one.
void create_file(const std::filesystem::path& path, std::string_view content);

// The repository's write lock: .bbg/lock (the .bbg folder is created when missing).
std::filesystem::path lock_path(const std::filesystem::path& root);

}  // namespace bbg::cli
