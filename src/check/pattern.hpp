// JSON Schema "pattern" for the anchored patterns plan schemas use ("^[a-z0-9]+(-[a-z0-9]+)*$"),
// matched in time linear in the text. std::regex, which valijson uses, took 130,000 instructions
// to match one plan id of 37 characters by backtracking. A pattern outside the subset below gets
// no Pattern and is matched with std::regex as before.
//
// The subset: "^" ... "$" around literals, "\d" and escaped punctuation, bracket classes (ranges,
// "^" negation), groups "( )" with "|", and the quantifiers * + ? {n} {n,} {n,m}. Characters are
// bytes, as std::regex matches a std::string: every class of the subset is ASCII.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bbg::check {

class Pattern {
 public:
  // Nothing when `pattern` is outside the subset (or too large to be worth it).
  static std::optional<Pattern> compile(std::string_view pattern);
  // What std::regex_search(text, std::regex(pattern)) answers.
  bool matches(std::string_view text) const;

 private:
  struct State {
    bool accept = false;
    bool takes_byte = false;
    std::bitset<256> bytes;  // a byte state: the bytes it takes, on to `next[0]`
    std::vector<int> next;   // an empty (split) state: every state it leads to
  };
  friend class PatternBuilder;
  std::uint64_t closure(int state) const;  // the states reached from `state` by empty moves

  std::vector<State> m_states;  // while compiling
  // At most 64 states, as bit masks: those a byte lets through, what each leads to.
  std::array<std::uint64_t, 256> m_takes{};
  std::array<std::uint64_t, 64> m_follow{};
  std::uint64_t m_start = 0;
  std::uint64_t m_accept = 0;
};

}  // namespace bbg::check
