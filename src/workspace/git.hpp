// Reading a plan repository's git history without touching the work tree: the commit of HEAD,
// and the files of any revision through the file seam (for bbg diff origin/main HEAD).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workspace/files.hpp"

namespace bbg::workspace {

// The full commit id of HEAD, or nullopt outside a git repository (or without git).
std::optional<std::string> git_head(const std::filesystem::path& root);

// The files under `paths` (relative to `root`) whose content is not HEAD's: changed, staged,
// deleted or untracked, as `git status` lists them (before the first commit, every file).
// nullopt outside a git repository (or without git).
std::optional<std::vector<std::string>> git_uncommitted(const std::filesystem::path& root, const std::vector<std::string>& paths);

// `git config user.name` in the repository at `root` (its own config, the user's, the system's),
// or nullopt when it is not set (or without git).
std::optional<std::string> git_user_name(const std::filesystem::path& root);

// True when `revision` names a commit of the repository at `root`.
bool git_has_revision(const std::filesystem::path& root, const std::string& revision);

// The files of `revision` (its whole tree, read with git ls-tree and cat-file), as they would be
// on disk: symbolic links are links (their target is the blob), submodules are "other".
// Throws InputError when git fails.
std::unique_ptr<Files> git_files(const std::filesystem::path& root, const std::string& revision);

}  // namespace bbg::workspace
