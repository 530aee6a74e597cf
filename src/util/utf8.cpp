#include "util/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace bbg::util {
namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is ill-formed.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

char32_t decode(std::string_view text, std::size_t i, std::size_t len) {
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

int code_point_width(char32_t c) {
  if (c == 0) return 0;
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F)) {
    return 0;  // combining marks, zero-width spaces, variation selectors
  }
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
      (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Eight bytes of ASCII at a time (most of a plan is ASCII).
    if (std::uint64_t word; i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080u) == 0)) {
      i += 8;
      continue;
    }
    const std::size_t len = sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) >= 0x20 && static_cast<unsigned char>(text[i]) < 0x7F) {  // printable ASCII
      ++width;
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(text, i);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    width += static_cast<std::size_t>(code_point_width(decode(text, i, len)));
    i += len;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = sequence_length(text, i);
    if (len == 0) len = 1;
    const auto w = static_cast<std::size_t>(code_point_width(len == 1 ? static_cast<unsigned char>(text[i]) : decode(text, i, len)));
    if (used + w > width - 1) break;
    out.append(text.substr(i, len));
    used += w;
    i += len;
  }
  out += "…";
  return out;
}

namespace {

// What escape_for_display shows instead of the character at text[i] of `len` bytes (0: an
// ill-formed byte), or nothing when that character is shown as it is.
std::optional<std::string> replacement(std::string_view text, std::size_t i, std::size_t len) {
  if (len == 0) return fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
  const char32_t c = decode(text, i, len);
  if ((c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
    return fmt::format("\\x{:02X}", static_cast<unsigned>(c));
  }
  if (c == 0xA0 || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
      c == 0xFEFF) {
    // Invisible or reordering characters (no-break space, zero-width, bidi controls, BOM):
    // shown by code point, so that `"\u200Bstatus"` does not look like "status" in a message.
    return fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(c));
  }
  if (c == '\t') return std::string("    ");
  return std::nullopt;
}

bool printable_ascii(char c) { return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F; }

}  // namespace

bool shown_as_is(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (printable_ascii(text[i])) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(text, i);
    if (replacement(text, i, len)) return false;
    i += len;
  }
  return true;
}

std::string escape_for_display(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t kept = 0;  // text[kept, i) is copied as it is, in one piece
  for (std::size_t i = 0; i < text.size();) {
    if (printable_ascii(text[i])) {  // the common case
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(text, i);
    if (auto with = replacement(text, i, len)) {
      out.append(text.substr(kept, i - kept));
      out += *with;
      kept = i + std::max<std::size_t>(len, 1);
    }
    i += std::max<std::size_t>(len, 1);
  }
  out.append(text.substr(kept));
  return out;
}

}  // namespace bbg::util
