// Small text helpers shared by messages: suggestions and joining. Knows nothing of bbg.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bbg::util {

// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Ids in the order people number them: runs of digits compare as numbers, so 2.2 comes before
// 2.10 and "1" before "10"; other bytes compare as bytes.
bool natural_less(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// The value quoted for a message: escaped for display and shortened to `width` columns.
std::string quote_value(std::string_view value, std::size_t width = 60);

}  // namespace bbg::util
