// A unified diff of two versions of a file, as `git diff` shows it (for --dry-run).
#pragma once

#include <string>
#include <string_view>

namespace bbg::render {

// One hunk from the first to the last changed line, with `context` lines around; empty when
// the texts are equal. Line endings are not shown.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& file, std::size_t context = 3);

}  // namespace bbg::render
