// Reading a plan repository's git history without touching the work tree: the commit of HEAD,
// and the plan files of any revision (for bbg diff origin/main HEAD).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/checker.hpp"

namespace bbg::cli {

// The full commit id of HEAD, or nullopt outside a git repository (or without git).
std::optional<std::string> git_head(const std::filesystem::path& root);

// True when `revision` names a commit of the repository at `root`.
bool git_has_revision(const std::filesystem::path& root, const std::string& revision);

// The plans/**/*.yaml files of `revision`, read with git cat-file. Symbolic links are refused
// unread and files over `max_bytes` are refused, as on disk. Throws InputError when git fails.
std::vector<check::Source> git_sources(const std::filesystem::path& root, const std::string& revision, std::size_t max_bytes);

}  // namespace bbg::cli
