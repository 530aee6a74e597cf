#include "render/diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace bbg::render {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& file, std::size_t context) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  const std::size_t from = prefix > context ? prefix - context : 0;
  const std::size_t tail = std::min(suffix, context);
  const std::size_t a_end = a.size() - suffix + tail, b_end = b.size() - suffix + tail;
  std::string out = fmt::format("--- a/{0}\n+++ b/{0}\n@@ -{1},{2} +{3},{4} @@\n", file, from + 1, a_end - from, from + 1, b_end - from);
  for (std::size_t i = from; i < prefix; ++i) out += " " + util::escape_for_display(a[i]) + "\n";
  for (std::size_t i = prefix; i < a.size() - suffix; ++i) out += "-" + util::escape_for_display(a[i]) + "\n";
  for (std::size_t i = prefix; i < b.size() - suffix; ++i) out += "+" + util::escape_for_display(b[i]) + "\n";
  for (std::size_t i = a.size() - suffix; i < a_end; ++i) out += " " + util::escape_for_display(a[i]) + "\n";
  return out;
}

}  // namespace bbg::render
