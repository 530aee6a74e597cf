#include <doctest/doctest.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/embedded.hpp"
#include "check/pattern.hpp"

using bbg::check::Pattern;

namespace {

// Every "pattern" of a schema, wherever it is.
void collect_patterns(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) out.push_back(value.get<std::string>());
      collect_patterns(value, out);
    }
  } else if (node.is_array()) {
    for (const auto& item : node) collect_patterns(item, out);
  }
}

// Texts built from the bytes that matter to `pattern` and a few that do not (UTF-8 included), so
// that both answers come up often.
std::vector<std::string> texts_for(const std::string& pattern, std::mt19937& random) {
  std::string alphabet = "aZ09-._Q/ \n\xC3\xA5";
  for (const char c : pattern) {
    if (alphabet.find(c) == std::string::npos) alphabet += c;
  }
  std::vector<std::string> texts = {"", "a", "1", "2024", "2024-01-01", "2024-13", "2024-Q2", "a-b-c", "a--b", "-a",
                                    "a-", "A.1_x-2", "sandas-tidiga-insatser-2017-2019-0001", "1.1", "01", "0101", "12.3", "ab", "aab", "abc"};
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int length = static_cast<int>(random() % 14);
    for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    texts.push_back(text);
  }
  return texts;
}

void agrees_with_std_regex(const std::string& pattern) {
  const std::optional<Pattern> fast = Pattern::compile(pattern);
  REQUIRE_MESSAGE(fast, pattern);
  const std::regex slow(pattern);
  std::mt19937 random(7);
  std::size_t matched = 0, total = 0;
  for (const std::string& text : texts_for(pattern, random)) {
    const bool expected = std::regex_search(text, slow);
    CHECK_MESSAGE(fast->matches(text) == expected, "pattern ", pattern, " text \"", text, "\"");
    matched += expected;
    ++total;
  }
  // Both answers were asked for (a test whose texts never match proves little).
  CHECK_MESSAGE(matched > 0, pattern);
  CHECK_MESSAGE(matched < total, pattern);
}

}  // namespace

TEST_SUITE("check::Pattern") {
  TEST_CASE("every pattern of the bundled schemas compiles and answers as std::regex does") {
    std::vector<std::string> patterns;
    collect_patterns(nlohmann::json::parse(bbg::check::embedded_plan_schema()), patterns);
    collect_patterns(nlohmann::json::parse(bbg::check::embedded_owners_schema()), patterns);
    REQUIRE(patterns.size() >= 6);
    for (const std::string& pattern : patterns) agrees_with_std_regex(pattern);
  }

  TEST_CASE("the whole subset answers as std::regex does") {
    for (const char* pattern : {"^(a|b)+$", "^[^a-z]*$", "^a{2,}$", "^a{1,3}b?$", "^(ab)*c$",
                                "^\\d{2}\\.\\d$", "^[a\\-z]$", "^[-a]$", "^[a-]+$", "^(a?)*b$", "^(|a)b$", "^$",
                                "^(0[1-9]|1[0-2])$", "^Q[1-4](/[0-9])?$"}) {
      agrees_with_std_regex(pattern);
    }
  }

  TEST_CASE("patterns outside the subset are left to std::regex") {
    for (const char* pattern : {"^a|b$", "a+", "^a+", "a$", "^a.b$", "^\\w+$", "^(?:a)$", "^a+?$", "^[[:alpha:]]$",
                                "^[\xC3\xA5]$", "^[0-9]{70}$", "^a{3,1}$", "^(a$", "^a)$", "^a**$", "^a\\sb$"}) {
      CHECK_MESSAGE(!Pattern::compile(pattern), pattern);
    }
  }

  TEST_CASE("a long id is matched in linear time, without backtracking") {
    const auto id = Pattern::compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    REQUIRE(id);
    const std::string long_text(9999, 'a');
    CHECK(id->matches(long_text));
    CHECK_FALSE(id->matches(long_text + "!"));
    CHECK_FALSE(id->matches(std::string(5000, 'a') + "--" + std::string(4000, 'b')));
  }
}
