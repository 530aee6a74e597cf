// UTF-8 validation, code-point counting and terminal display width. Knows nothing of bbg.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bbg::util {

// Byte offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates
// and code points above U+10FFFF are ill-formed), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

// Columns the text takes in a terminal: combining marks take none, East Asian wide and
// emoji take two, everything else one. Assumes valid UTF-8.
std::size_t display_width(std::string_view text);

// Cuts text to at most `width` display columns, ending with "…" when it was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Text safe to print in a terminal or a CI log: control characters (C0, DEL, C1) become
// \xNN escapes and invalid UTF-8 bytes become \xNN as well.
std::string escape_for_display(std::string_view text);
// True when escape_for_display(text) == text (most text): tables test this before copying.
bool shown_as_is(std::string_view text);

}  // namespace bbg::util
