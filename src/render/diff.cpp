#include "render/diff.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
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

// The shortest edit script from a to b (Myers, "An O(ND) Difference Algorithm"), as one op per
// line: ' ' kept, '-' removed, '+' added. nullopt when it needs more than `max_edits` edits
// (then the caller shows one block of removed and added lines).
std::optional<std::string> edit_script(std::span<const std::string_view> a, std::span<const std::string_view> b,
                                       std::size_t max_edits) {
  const auto n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = std::min<std::ptrdiff_t>(n + m, static_cast<std::ptrdiff_t>(max_edits));
  const std::ptrdiff_t offset = max + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 3), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    trace.push_back(v);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      const auto at = [&](std::ptrdiff_t kk) -> std::ptrdiff_t& { return v[static_cast<std::size_t>(kk + offset)]; };
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      at(k) = x;
      if (x < n || y < m) continue;
      // Walk back through the saved rows.
      std::string ops;
      std::ptrdiff_t cx = n, cy = m;
      for (std::ptrdiff_t dd = d; dd > 0; --dd) {
        const auto& pv = trace[static_cast<std::size_t>(dd)];
        const auto pat = [&](std::ptrdiff_t kk) { return pv[static_cast<std::size_t>(kk + offset)]; };
        const std::ptrdiff_t ck = cx - cy;
        const bool down = ck == -dd || (ck != dd && pat(ck - 1) < pat(ck + 1));
        const std::ptrdiff_t pk = down ? ck + 1 : ck - 1;
        const std::ptrdiff_t px = pat(pk), py = px - pk;
        while (cx > (down ? px : px + 1) && cy > (down ? py + 1 : py)) {
          ops += ' ';
          --cx, --cy;
        }
        ops += down ? '+' : '-';
        cx = px, cy = py;
      }
      while (cx > 0 && cy > 0) {
        ops += ' ';
        --cx, --cy;
      }
      std::reverse(ops.begin(), ops.end());
      return ops;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& file, std::size_t context) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  std::string ops;
  if (const auto script = edit_script(a, b, 4000)) {
    ops = *script;
  } else {  // too many changes for a minimal script: what differs between the common ends
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    ops = std::string(prefix, ' ') + std::string(a.size() - prefix - suffix, '-') + std::string(b.size() - prefix - suffix, '+') +
          std::string(suffix, ' ');
  }
  // Hunks as git makes them: changes less than 2 * context lines apart share one.
  std::string out = fmt::format("--- a/{0}\n+++ b/{0}\n", file);
  std::size_t i = 0, ai = 0, bi = 0;  // position in ops, a and b
  while (i < ops.size()) {
    if (ops[i] == ' ') {
      ++i, ++ai, ++bi;
      continue;
    }
    // A hunk starts `context` kept lines before this change and runs until a run of more than
    // 2 * context kept lines (or the end).
    const std::size_t lead = std::min<std::size_t>(context, std::min(ai, bi));
    std::size_t end = i;
    for (std::size_t kept = 0; end < ops.size(); ++end) {
      kept = ops[end] == ' ' ? kept + 1 : 0;
      if (kept > 2 * context) {
        end -= kept - 1;  // end just after the last change
        break;
      }
    }
    if (end >= ops.size()) {
      end = ops.size();
      while (end > i && ops[end - 1] == ' ') --end;
    }
    const std::size_t tail = std::min<std::size_t>(context, static_cast<std::size_t>(std::count(ops.begin() + static_cast<std::ptrdiff_t>(end), ops.end(), ' ')));
    std::string body;
    std::size_t a_count = lead, b_count = lead;
    for (std::size_t k = 0; k < lead; ++k) body += " " + util::escape_for_display(a[ai - lead + k]) + "\n";
    std::size_t x = ai, y = bi;
    for (std::size_t k = i; k < end + tail; ++k) {
      if (ops[k] == ' ') {
        body += " " + util::escape_for_display(a[x]) + "\n";
        ++x, ++y, ++a_count, ++b_count;
      } else if (ops[k] == '-') {
        body += "-" + util::escape_for_display(a[x]) + "\n";
        ++x, ++a_count;
      } else {
        body += "+" + util::escape_for_display(b[y]) + "\n";
        ++y, ++b_count;
      }
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", ai - lead + 1, a_count, bi - lead + 1, b_count) + body;
    i = end + tail;
    ai = x, bi = y;
  }
  return out;
}

}  // namespace bbg::render
