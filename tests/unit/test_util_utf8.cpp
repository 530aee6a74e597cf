#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "util/text.hpp"
#include "util/utf8.hpp"

using namespace bbg::util;

TEST_SUITE("util::utf8") {
  TEST_CASE("well-formed UTF-8 passes, including Swedish letters and emoji") {
    CHECK_FALSE(find_invalid_utf8("Barnens bästa gäller! Ö 😀"));
  }

  TEST_CASE("ill-formed UTF-8 is found at its first bad byte") {
    CHECK(find_invalid_utf8("ab\xff") == 2u);
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);          // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);       // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);   // above U+10FFFF
    CHECK(find_invalid_utf8("x\xC3") == 1u);              // truncated sequence
  }

  TEST_CASE("display width counts characters, not bytes") {
    CHECK(display_width("åäö") == 3);
    CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
    CHECK(display_width("日本") == 4);
  }

  TEST_CASE("truncation keeps whole characters and marks the cut") {
    CHECK(truncate_to_width("Länsgemensam", 5) == "Läns…");
    CHECK(truncate_to_width("kort", 10) == "kort");
  }

  TEST_CASE("control characters and bad bytes are escaped for display") {
    CHECK(escape_for_display("a\x1b[31mb") == "a\\x1B[31mb");
    CHECK(escape_for_display("x\xffy") == "x\\xFFy");
    CHECK(escape_for_display("åäö") == "åäö");
    CHECK(escape_for_display("\xE2\x80\x8Bstatus") == "\\u{200B}status");  // zero-width space
    CHECK(escape_for_display("a\xC2\xA0" "b\xE2\x80\xAE" "c") == "a\\u{00A0}b\\u{202E}c");  // NBSP, RLO
  }
}

TEST_SUITE("util::text") {
  TEST_CASE("a close typo gets a suggestion, a distant word does not") {
    CHECK(closest_match("folow_up", {"follow_up", "owners", "title"}) == std::optional<std::string>("follow_up"));
    CHECK_FALSE(closest_match("zzzzzz", {"follow_up", "owners", "title"}));
  }

  TEST_CASE("ids sort as people number them: 2.2 before 2.10, 9 before 10") {
    CHECK(natural_less("2.2", "2.10"));
    CHECK_FALSE(natural_less("2.10", "2.2"));
    CHECK(natural_less("2.9", "2.11"));
    CHECK(natural_less("9", "10"));
    CHECK(natural_less("1.1", "1.1.1"));
    CHECK(natural_less("1a", "1b"));
    CHECK(natural_less("a2", "a10"));
    CHECK_FALSE(natural_less("3.1", "3.1"));
    CHECK(natural_less("01", "1") != natural_less("1", "01"));  // a strict order even for equal numbers
    std::vector<std::string> ids{"2.11", "2.1", "2.10", "2.2", "10.1", "3"};
    std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
    CHECK(ids == std::vector<std::string>{"2.1", "2.2", "2.10", "2.11", "3", "10.1"});
  }
}
