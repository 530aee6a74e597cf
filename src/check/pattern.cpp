#include "check/pattern.hpp"

#include <cstddef>
#include <string>

namespace bbg::check {
namespace {

constexpr int k_unbounded = -1;
constexpr std::size_t k_max_states = 64;  // one bit each

// The pattern as a tree: a class of bytes, a sequence, alternatives, or a repetition.
struct Re {
  enum class Type { bytes, sequence, alternatives, repeat } type = Type::sequence;
  std::bitset<256> bytes;
  std::vector<Re> parts;
  int min = 1;
  int max = 1;
};

// A recursive-descent reader of the subset; `ok` turns false at the first thing outside it.
class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {}

  std::optional<Re> read_whole() {
    if (!take('^')) return std::nullopt;
    Re re = alternatives();
    // "^a|b$" is "^a" or "b$": alternatives outside a group are not in the subset.
    if (re.type == Re::Type::alternatives || !take('$') || m_at != m_text.size() || !m_ok) return std::nullopt;
    return re;
  }

 private:
  bool at_end() const { return m_at >= m_text.size(); }
  char peek() const { return at_end() ? '\0' : m_text[m_at]; }
  bool take(char c) {
    if (peek() != c || at_end()) return false;
    ++m_at;
    return true;
  }

  Re alternatives() {
    Re first = sequence();
    if (peek() != '|') return first;
    Re alt;
    alt.type = Re::Type::alternatives;
    alt.parts.push_back(std::move(first));
    while (take('|')) alt.parts.push_back(sequence());
    return alt;
  }

  Re sequence() {
    Re seq;
    while (m_ok && !at_end() && peek() != '|' && peek() != ')' && !(peek() == '$' && m_at + 1 == m_text.size())) {
      Re atom = this->atom();
      if (!m_ok) break;
      seq.parts.push_back(quantified(std::move(atom)));
    }
    return seq;
  }

  Re quantified(Re atom) {
    int min = 1, max = 1;
    if (take('*')) {
      min = 0, max = k_unbounded;
    } else if (take('+')) {
      min = 1, max = k_unbounded;
    } else if (take('?')) {
      min = 0, max = 1;
    } else if (take('{')) {
      min = number();
      max = min;
      if (take(',')) max = peek() == '}' ? k_unbounded : number();
      if (!take('}') || min < 0 || (max != k_unbounded && max < min)) m_ok = false;
    } else {
      return atom;
    }
    // A lazy or possessive quantifier, or a quantifier on a quantifier: not in the subset.
    if (peek() == '?' || peek() == '+' || peek() == '*' || peek() == '{') m_ok = false;
    Re repeat;
    repeat.type = Re::Type::repeat;
    repeat.min = min;
    repeat.max = max;
    repeat.parts.push_back(std::move(atom));
    return repeat;
  }

  int number() {
    int n = 0;
    std::size_t digits = 0;
    while (peek() >= '0' && peek() <= '9' && digits < 4) n = n * 10 + (m_text[m_at++] - '0'), ++digits;
    if (digits == 0 || (peek() >= '0' && peek() <= '9')) m_ok = false;
    return n;
  }

  static Re bytes_of(const std::bitset<256>& set) {
    Re re;
    re.type = Re::Type::bytes;
    re.bytes = set;
    return re;
  }

  // A punctuation character written after "\" stands for itself; "\d" is a digit. Any other
  // escape (\w, \s, \b, \u...) is outside the subset.
  std::optional<std::bitset<256>> escape() {
    std::bitset<256> set;
    if (at_end()) return std::nullopt;
    const char c = m_text[m_at++];
    if (c == 'd') {
      for (char d = '0'; d <= '9'; ++d) set.set(static_cast<unsigned char>(d));
      return set;
    }
    if (std::string_view("^$\\.*+?()[]{}|/-").find(c) == std::string_view::npos) return std::nullopt;
    set.set(static_cast<unsigned char>(c));
    return set;
  }

  Re atom() {
    const char c = peek();
    if (c == '(') {
      ++m_at;
      if (peek() == '?') m_ok = false;  // (?: (?= (?! are not in the subset
      Re inner = alternatives();
      if (!take(')')) m_ok = false;
      return inner;
    }
    if (c == '[') return bracket();
    if (c == '\\') {
      ++m_at;
      const auto set = escape();
      if (!set) m_ok = false;
      return bytes_of(set.value_or(std::bitset<256>()));
    }
    // "." (any character but line breaks, as std::regex decides them), anchors inside the
    // pattern and stray quantifiers or brackets are not in the subset.
    if (std::string_view(".^$*+?{}])|").find(c) != std::string_view::npos) {
      m_ok = false;
      return Re();
    }
    ++m_at;
    std::bitset<256> set;
    set.set(static_cast<unsigned char>(c));
    return bytes_of(set);
  }

  Re bracket() {
    ++m_at;  // "["
    const bool negated = take('^');
    std::bitset<256> set;  // "[]" is empty and "[^]" any byte, as in ECMAScript
    while (m_ok && !at_end() && peek() != ']') {
      unsigned char low = 0;
      if (peek() == '\\') {
        ++m_at;
        const auto escaped = escape();
        if (!escaped) {
          m_ok = false;
          break;
        }
        if (escaped->count() != 1) {  // \d
          set |= *escaped;
          continue;
        }
        low = static_cast<unsigned char>(m_text[m_at - 1]);
      } else if (peek() == '[') {
        m_ok = false;  // [[:alpha:]] and the like
        break;
      } else {
        low = static_cast<unsigned char>(m_text[m_at++]);
      }
      // A range "a-z"; a "-" first or last in the class is itself.
      if (peek() == '-' && m_at + 1 < m_text.size() && m_text[m_at + 1] != ']') {
        ++m_at;
        if (peek() == '\\' || peek() == '[') {
          m_ok = false;
          break;
        }
        const auto high = static_cast<unsigned char>(m_text[m_at++]);
        if (high < low) {
          m_ok = false;
          break;
        }
        for (unsigned b = low; b <= high; ++b) set.set(b);
      } else {
        set.set(low);
      }
    }
    if (!take(']')) m_ok = false;
    // Bytes above 0x7F: std::regex compares them as (signed) chars, so only classes of ASCII
    // bytes mean the same in both; a negated class takes every byte not listed, in both.
    for (unsigned b = 0x80; b < 256; ++b) {
      if (set.test(b)) m_ok = false;
    }
    if (negated) set.flip();
    return bytes_of(set);
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  bool m_ok = true;
};

}  // namespace

// Thompson's construction, written backwards: each part is built knowing the state that follows
// it, so no list of loose ends is needed.
class PatternBuilder {
 public:
  explicit PatternBuilder(Pattern& out) : m_out(out) {}

  int add() {
    m_out.m_states.emplace_back();
    if (m_out.m_states.size() > k_max_states) m_ok = false;
    return static_cast<int>(m_out.m_states.size()) - 1;
  }

  int build(const Re& re, int next) {
    if (!m_ok) return next;
    switch (re.type) {
      case Re::Type::bytes: {
        const int s = add();
        m_out.m_states[static_cast<std::size_t>(s)].takes_byte = true;
        m_out.m_states[static_cast<std::size_t>(s)].bytes = re.bytes;
        m_out.m_states[static_cast<std::size_t>(s)].next = {next};
        return s;
      }
      case Re::Type::sequence:
        for (auto it = re.parts.rbegin(); it != re.parts.rend(); ++it) next = build(*it, next);
        return next;
      case Re::Type::alternatives: {
        std::vector<int> starts;
        for (const Re& part : re.parts) starts.push_back(build(part, next));
        const int s = add();
        m_out.m_states[static_cast<std::size_t>(s)].next = std::move(starts);
        return s;
      }
      case Re::Type::repeat: {
        const Re& body = re.parts.front();
        int at = next;
        if (re.max == k_unbounded) {
          const int loop = add();
          const int into = build(body, loop);
          m_out.m_states[static_cast<std::size_t>(loop)].next = {into, next};
          at = loop;
        } else {
          for (int k = re.min; k < re.max && m_ok; ++k) {
            const int into = build(body, at);
            const int optional = add();
            m_out.m_states[static_cast<std::size_t>(optional)].next = {into, at};
            at = optional;
          }
        }
        for (int k = 0; k < re.min && m_ok; ++k) at = build(body, at);
        return at;
      }
    }
    return next;
  }

  bool ok() const { return m_ok; }

 private:
  Pattern& m_out;
  bool m_ok = true;
};

std::optional<Pattern> Pattern::compile(std::string_view text) {
  const std::optional<Re> re = Reader(text).read_whole();
  if (!re) return std::nullopt;
  Pattern pattern;
  PatternBuilder builder(pattern);
  const int accept = builder.add();
  pattern.m_states[static_cast<std::size_t>(accept)].accept = true;
  const int start = builder.build(*re, accept);
  if (!builder.ok()) return std::nullopt;
  pattern.m_start = pattern.closure(start);
  for (std::size_t s = 0; s < pattern.m_states.size(); ++s) {
    const State& state = pattern.m_states[s];
    const std::uint64_t bit = std::uint64_t{1} << s;
    if (state.accept) pattern.m_accept |= bit;
    if (!state.takes_byte) continue;
    pattern.m_follow[s] = pattern.closure(state.next.front());
    for (unsigned b = 0; b < 256; ++b) {
      if (state.bytes.test(b)) pattern.m_takes[b] |= bit;
    }
  }
  pattern.m_states.clear();
  return pattern;
}

std::uint64_t Pattern::closure(int state) const {
  std::uint64_t in = 0;
  std::vector<int> todo{state};
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    const std::uint64_t bit = std::uint64_t{1} << s;
    if (in & bit) continue;
    in |= bit;
    const State& st = m_states[static_cast<std::size_t>(s)];
    if (!st.takes_byte) todo.insert(todo.end(), st.next.begin(), st.next.end());
  }
  return in;
}

bool Pattern::matches(std::string_view text) const {
  std::uint64_t current = m_start;
  for (const char c : text) {
    std::uint64_t moving = current & m_takes[static_cast<unsigned char>(c)];
    current = 0;
    for (; moving; moving &= moving - 1) current |= m_follow[static_cast<std::size_t>(__builtin_ctzll(moving))];
    if (!current) return false;
  }
  return (current & m_accept) != 0;
}

}  // namespace bbg::check
