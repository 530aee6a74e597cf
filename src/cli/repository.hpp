// Finding the plan repository and its plan files, with bbg's rules for symbolic links.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/checker.hpp"

namespace bbg::cli {

// A plan file is at most this big (1 MiB); bigger ones are refused before they are read.
inline constexpr std::size_t k_max_file_bytes = 1 << 20;
// At most this many plan files in one run.
inline constexpr std::size_t k_max_files = 100'000;

// The first folder, from `start` upwards, that has a plans/ folder (as git finds .git).
std::optional<std::filesystem::path> find_root(const std::filesystem::path& start);

// The repository root: --root when given (it must have plans/), else found from the
// working directory. Throws UsageError when there is none.
std::filesystem::path require_root(const std::string& root_option);

// Reads the plan files to check. With no `paths`, every plans/**/*.yaml of `root`. With
// paths (files or folders), those, plus, when `root` is known, the rest of the repository's
// plans as context for cross-file rules (Source::report = false). Symbolic links are followed
// only when they stay inside the repository; others come back refused, unread.
// With Reading::deferred the files are found now but read by check_sources's workers (which
// must then be given the sources as an rvalue).
enum class Reading { now, deferred };
std::vector<check::Source> read_sources(const std::optional<std::filesystem::path>& root,
                                        const std::vector<std::string>& paths, Reading reading = Reading::now);

}  // namespace bbg::cli
