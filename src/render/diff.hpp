// A unified diff of two versions of a file, as `git diff` shows it (for --dry-run).
#pragma once

#include <string>
#include <string_view>

namespace bbg::render {

// The changed lines (a shortest edit script), in hunks with `context` lines around as git makes
// them; empty when the texts are equal. Line endings are not shown.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& file, std::size_t context = 3);

}  // namespace bbg::render
