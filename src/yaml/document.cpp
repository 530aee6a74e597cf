#include "yaml/document.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <cstring>
#include <istream>
#include <streambuf>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <yaml.h>

#include "util/utf8.hpp"

namespace bbg::yaml {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr const char* k_alias_message = "aliases (*name) are not allowed in plan files; write the value out in full";

// A read-only stream buffer over text that stays alive while the parser reads it, so the text
// is not copied into a std::istringstream first.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read: std::streambuf has no const get area
    setg(begin, begin, begin + text.size());
  }
};

// Thrown from the event handler to stop the parser at the first refused construct.
struct Abort {
  LoadError error;
};

// Converts yaml-cpp's 0-based byte positions (in the text without BOM) into user positions.
class Positions {
 public:
  Positions(std::string_view text, std::size_t bom) : m_text(text), m_bom(bom), m_starts(line_starts(text)) {}

  Mark at(int line0, int column0) const {
    Mark mark;
    const auto line = static_cast<std::size_t>(std::max(line0, 0));
    if (line >= m_starts.size()) {
      mark.line = static_cast<int>(m_starts.size());
      mark.offset = m_text.size() + m_bom;
      mark.column = 1;
      return mark;
    }
    const std::size_t start = m_starts[line];
    const std::size_t end = line + 1 < m_starts.size() ? m_starts[line + 1] : m_text.size();
    const std::size_t byte = std::min(start + static_cast<std::size_t>(std::max(column0, 0)), end);
    mark.line = static_cast<int>(line) + 1;
    mark.column = static_cast<int>(util::count_code_points(m_text.substr(start, byte - start))) + 1;
    mark.offset = byte + m_bom;
    return mark;
  }
  Mark at(const YAML::Mark& m) const { return at(m.line, m.column); }

  // The same from a column counted in characters (libyaml counts code points, yaml-cpp bytes).
  Mark at_character(std::size_t line0, std::size_t column0) const {
    if (line0 >= m_starts.size()) return at(static_cast<int>(line0), 0);
    const std::size_t start = m_starts[line0];
    const std::size_t end = line0 + 1 < m_starts.size() ? m_starts[line0 + 1] : m_text.size();
    std::size_t byte = start;
    for (std::size_t seen = 0; byte < end; ++byte) {
      if ((static_cast<unsigned char>(m_text[byte]) & 0xC0) != 0x80 && seen++ == column0) break;
    }
    Mark mark;
    mark.line = static_cast<int>(line0) + 1;
    mark.column = static_cast<int>(column0) + 1;
    mark.offset = byte + m_bom;
    return mark;
  }
  // The place right after the "-" of the next item of a block list, where libyaml places an
  // empty item ("-" alone). All the "-" of a block list stand in the column of its first one, each
  // item's on a line after the previous item's start. Nothing for a flow list ("[ ]").
  std::optional<Mark> after_next_dash(const Node& sequence) const {
    const std::size_t first = sequence.mark.offset - m_bom;
    if (first >= m_text.size() || m_text[first] != '-') return std::nullopt;
    if (sequence.items.empty()) return at_offset(first + 1);
    const auto line0 = static_cast<std::size_t>(sequence.mark.line - 1);
    const std::size_t column = first - m_starts[line0];
    for (auto l = static_cast<std::size_t>(sequence.items.back().mark.line); l < m_starts.size();
         ++l) {
      const std::string_view line = this->line(static_cast<int>(l) + 1);
      const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
      if (indent < column && indent < line.size() && line[indent] != '#' && line[indent] != '\r')
        return std::nullopt;
      if (indent == column && column < line.size() && line[column] == '-' &&
          (column + 1 == line.size() || line[column + 1] == ' ' || line[column + 1] == '\t' ||
           line[column + 1] == '\r')) {
        return at_offset(m_starts[l] + column + 1);
      }
    }
    return std::nullopt;
  }

  // The place of a null written as a word ("~", "null", "Null", "NULL") that follows `from`
  // with only blanks and comments between; nothing when there is none.
  std::optional<Mark> null_word_after(const Mark& from) const {
    std::size_t i = from.offset - m_bom;
    while (i < m_text.size()) {
      if (m_text[i] == '#') {
        i = std::min(m_text.find('\n', i), m_text.size());
      } else if (m_text[i] == ' ' || m_text[i] == '\t' || m_text[i] == '\r' || m_text[i] == '\n') {
        ++i;
      } else {
        break;
      }
    }
    for (const std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (m_text.substr(i, word.size()) != word) continue;
      const std::size_t end = i + word.size();
      if (end == m_text.size() || m_text[end] == ' ' || m_text[end] == '\t' ||
          m_text[end] == '\r' || m_text[end] == '\n') {
        return at_offset(i);
      }
    }
    return std::nullopt;
  }

  std::string_view text() const { return m_text; }
  std::size_t bom() const { return m_bom; }
  const std::vector<std::size_t>& starts() const { return m_starts; }
  std::string_view line(int line1) const {
    const auto i = static_cast<std::size_t>(line1 - 1);
    if (line1 < 1 || i >= m_starts.size()) return {};
    const std::size_t end = m_text.find('\n', m_starts[i]);
    return m_text.substr(m_starts[i], (end == std::string_view::npos ? m_text.size() : end) - m_starts[i]);
  }

  Mark at_offset(std::size_t byte) const {
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), byte);
    const auto line = static_cast<std::size_t>(it - m_starts.begin()) - 1;
    return at(static_cast<int>(line), static_cast<int>(byte - m_starts[line]));
  }

 private:
  std::string_view m_text;
  std::size_t m_bom;
  std::vector<std::size_t> m_starts;
};

// A tag as the user wrote it: yaml-cpp expands "!!x" to "tag:yaml.org,2002:x".
std::string shown_tag(const std::string& tag) {
  constexpr std::string_view k_core = "tag:yaml.org,2002:";
  return tag.rfind(k_core, 0) == 0 ? "!!" + tag.substr(k_core.size()) : tag;
}

[[noreturn]] void abort_at(const Mark& mark, std::string code, std::string message) {
  throw Abort{LoadError{mark, std::move(code), std::move(message), true}};
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const Positions& positions, const Limits& limits) : m_pos(positions), m_limits(limits) {}

  std::optional<Node>& root() { return m_root; }
  const std::optional<Mark>& document_start() const { return m_document_start; }

  // The innermost collection of `kind` still open when the parser stopped, if any.
  const Node* open_collection(Kind kind) const {
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      if (it->node.kind == kind) return &it->node;
    }
    return nullptr;
  }

  // yaml-cpp's events, with its byte-counted marks and tags ("?" plain, "!" quoted or block).
  void OnDocumentStart(const YAML::Mark& mark) override { m_document_start = m_pos.at(mark); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    Mark at = m_pos.at(mark);
    // An empty list item ("-" alone): yaml-cpp places it at whatever comes next, often the next
    // line; libyaml right after its "-", which is where the user must look. Use that for both.
    // A "null" or "~" written out keeps its own place, found from the "-" too: yaml-cpp's marks
    // for nulls can lie further on.
    if (!m_stack.empty() && m_stack.back().node.kind == Kind::sequence) {
      if (const auto dash = m_pos.after_next_dash(m_stack.back().node))
        at = m_pos.null_word_after(*dash).value_or(*dash);
    }
    null_value(at);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    abort_at(m_pos.at(mark), "yaml-alias", k_alias_message);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    // yaml-cpp writes the escape "\N" (NEL) as the lone byte 0x85, which is not UTF-8.
    if (util::find_invalid_utf8(value)) {
      abort_at(m_pos.at(mark), "utf8",
               "this value holds an escape (such as \\N) that yaml-cpp cannot read; write the character itself");
    }
    scalar(m_pos.at(mark), value, tag == "!");
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    start(m_pos.at(mark), Kind::sequence);
  }
  void OnSequenceEnd() override { finish(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    start(m_pos.at(mark), Kind::map);
  }
  void OnMapEnd() override { finish(); }

  // The same events in bbg's terms, for the libyaml reader (which refuses tags and anchors itself).
  void null_value(const Mark& mark) {
    Node node;
    node.kind = Kind::null;
    node.mark = mark;
    add(std::move(node));
  }

  void scalar(const Mark& mark, std::string_view value, bool quoted) {
    if (value.size() > m_limits.max_scalar) {
      abort_at(mark, "limit-scalar",
               fmt::format("a value of {} bytes is longer than the limit of {} bytes; shorten it",
                           value.size(), m_limits.max_scalar));
    }
    Node node;
    node.kind = Kind::scalar;
    node.mark = mark;
    node.value = value;
    node.quoted = quoted;
    if (node.quoted) check_closed(node.mark);
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      std::optional<unsigned> code;
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) code = c;
      // C1 controls (U+0080-U+009F; NEL, a line break, excepted): raw ones never get this far.
      if (c == 0xC2 && i + 1 < value.size()) {
        const auto next = static_cast<unsigned char>(value[i + 1]);
        if (next >= 0x80 && next <= 0x9F && next != 0x85) code = next;
      }
      if (code) {
        abort_at(node.mark, "control-character",
                 fmt::format("this value holds control character U+{:04X} (written as an escape); remove it", *code));
      }
    }
    add(std::move(node));
  }

  void start(const Mark& mark, Kind kind) {
    count(mark);
    if (m_stack.size() >= m_limits.max_depth) {
      abort_at(mark, "limit-depth",
               fmt::format("nesting deeper than {} levels; a plan file needs far fewer",
                           m_limits.max_depth));
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = mark;
    m_stack.push_back(std::move(frame));
  }

  void finish() {
    Node node = std::move(m_stack.back().node);
    m_stack.pop_back();
    add(std::move(node), /*counted=*/true);
  }

 private:
  struct Frame {
    Node node;
    std::optional<Node> pending_key;
    std::unordered_set<std::string> keys;  // filled only once the map is large

    // False when `key` is already a key of this map.
    bool insert_key(const std::string& key) {
      constexpr std::size_t k_linear = 32;  // plan maps have about 20 keys: comparing beats hashing
      if (node.entries.size() < k_linear) {
        return std::none_of(node.entries.begin(), node.entries.end(),
                            [&](const Entry& entry) { return entry.first.value == key; });
      }
      if (keys.empty()) {
        for (const auto& entry : node.entries) keys.insert(entry.first.value);
      }
      return keys.insert(key).second;
    }
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      abort_at(m_pos.at(mark), "yaml-anchor",
               "anchors (&name) are not allowed in plan files; write each value out in full");
    }
  }

  // yaml-cpp accepts a quoted scalar that is never closed and swallows the rest of the file:
  // find the closing quote ourselves.
  void check_closed(const Mark& mark) {
    const std::string_view text = m_pos.text();
    std::size_t i = mark.offset - m_pos.bom();
    if (i < text.size() && text[i] == '!') {  // the non-specific tag "!": its node starts at the tag
      while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') ++i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    }
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return;  // a block scalar
    const char quote = text[i];
    for (++i; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return;
      }
    }
    abort_at(mark, "yaml-syntax",
             fmt::format("invalid YAML: the quoted text that starts here is never closed; add the closing quote ({})", quote));
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!") {
      abort_at(m_pos.at(mark), "yaml-tag",
               fmt::format("tags such as \"{}\" are not allowed in plan files; remove the tag (quote the value to make it text)",
                           util::truncate_to_width(util::escape_for_display(shown_tag(tag)), 40)));
    }
  }

  void count(const Mark& mark) {
    if (++m_nodes > m_limits.max_nodes) {
      abort_at(mark, "limit-nodes",
               fmt::format("more than {} values in one file; split the plan", m_limits.max_nodes));
    }
  }

  void add(Node node, bool counted = false) {
    if (!counted) count(node.mark);
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& parent = m_stack.back();
    if (parent.node.kind == Kind::sequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.pending_key) {
      if (node.kind != Kind::scalar) {
        abort_at(node.mark, "yaml-key", "keys must be plain text, not lists, maps or empty values");
      }
      if (!parent.insert_key(node.value)) {
        abort_at(node.mark, "yaml-duplicate-key",
                 fmt::format("duplicate key \"{}\" in this map; each key may appear once: merge or rename them",
                             util::truncate_to_width(util::escape_for_display(node.value), 60)));
      }
      parent.pending_key = std::move(node);
      return;
    }
    if (node.kind == Kind::null) node.mark = parent.pending_key->mark;  // an empty value has no place of its own
    parent.node.entries.emplace_back(std::move(*parent.pending_key), std::move(node));
    parent.pending_key.reset();
  }

  const Positions& m_pos;
  const Limits& m_limits;
  std::vector<Frame> m_stack;
  std::optional<Node> m_root;
  std::optional<Mark> m_document_start;
  std::size_t m_nodes = 0;
};

// Characters YAML does not allow in a stream: C0 controls other than tab, LF and CR, DEL, and
// C1 controls other than NEL. Returns the byte offset of the first one.
std::optional<std::size_t> find_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return i;  // a CR alone
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F && next != 0x85) return i;
    }
  }
  return std::nullopt;
}

// Byte offset of the first character that is not blank or part of a comment.
std::size_t first_content(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
      ++i;
    } else {
      break;
    }
  }
  return std::min(i, text.size() ? text.size() - 1 : 0);
}

// yaml-cpp's exception turned into a message in the user's terms, placed where the user must
// look: the opening bracket of a flow collection that is never closed, the tab that indents.
LoadError syntax_error(const YAML::ParserException& e, const Positions& positions, const TreeBuilder& builder) {
  Mark mark = positions.at(e.mark);
  if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) return LoadError{mark, "yaml-alias", k_alias_message, true};
  if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    if (const Node* open = builder.open_collection(Kind::sequence)) {
      return LoadError{open->mark, "yaml-syntax",
                       "invalid YAML: the list opened with \"[\" here is never closed; add the closing \"]\"", true};
    }
  }
  if (e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    if (const Node* open = builder.open_collection(Kind::map)) {
      return LoadError{open->mark, "yaml-syntax",
                       "invalid YAML: the map opened with \"{\" here is never closed; add the closing \"}\"", true};
    }
  }
  const std::string_view line = positions.line(mark.line);
  const std::size_t indent_end = std::min(line.find_first_not_of(" \t"), line.size());
  const std::size_t tab = line.substr(0, indent_end).find('\t');
  if (tab != std::string_view::npos) {
    mark = positions.at(mark.line - 1, static_cast<int>(tab));
    return LoadError{mark, "yaml-syntax",
                     "invalid YAML: this line is indented with a tab; YAML indentation must use spaces", true};
  }
  std::string message = e.msg;
  // "Illegal map value" reads on after a colon as "illegal map value"; "YAML ..." stays.
  if (message.size() > 1 && !std::isupper(static_cast<unsigned char>(message[1]))) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return LoadError{mark, "yaml-syntax",
                   fmt::format("invalid YAML: {}; check the indentation, quotes and brackets here", message), true};
}

// Characters the two parsers read differently, so a text holding one is left to yaml-cpp: NEL, LS
// and PS break lines in YAML 1.1 (libyaml) but not in 1.2; a byte order mark after the start is
// skipped by libyaml and read as a new document by yaml-cpp.
bool parsers_differ_on(std::string_view text) {
  for (const std::string_view c : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (text.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// libyaml's parser and event, freed however the reading ends.
struct LibyamlParser {
  explicit LibyamlParser(std::string_view text) {
    if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~LibyamlParser() { yaml_parser_delete(&parser); }
  LibyamlParser(const LibyamlParser&) = delete;
  LibyamlParser& operator=(const LibyamlParser&) = delete;
  yaml_parser_t parser;
};

struct LibyamlEvent {
  ~LibyamlEvent() {
    if (live) yaml_event_delete(&event);
  }
  yaml_event_t event;
  bool live = false;
};

// The fast reader: libyaml's events into the same TreeBuilder. It only ever reports success; on
// anything else (a YAML error, a second document, an anchor, alias or tag, a refused value, a
// limit) it returns nothing and load() reads the file again with yaml-cpp, whose diagnostics
// bbg's messages and tests are built on. So libyaml decides only how fast a good file loads;
// tests/unit/test_yaml_document.cpp and fuzz/fuzz_parsers.cpp check that both give the same tree.
std::optional<Node> read_with_libyaml(std::string_view text, const Positions& positions, const Limits& limits) {
  if (parsers_differ_on(text)) return std::nullopt;
  TreeBuilder builder(positions, limits);
  LibyamlParser parser(text);
  int documents = 0;
  try {
    for (;;) {
      LibyamlEvent e;
      if (!yaml_parser_parse(&parser.parser, &e.event)) return std::nullopt;
      e.live = true;
      const auto at = [&] {
        return positions.at_character(e.event.start_mark.line, e.event.start_mark.column);
      };
      switch (e.event.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) return std::nullopt;
          break;
        case YAML_STREAM_END_EVENT:
          if (!builder.root() || builder.root()->kind == Kind::null) return std::nullopt;
          return std::move(builder.root());
        case YAML_SCALAR_EVENT: {
          const auto& scalar = e.event.data.scalar;
          if (scalar.anchor || scalar.tag) return std::nullopt;
          const std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
          const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
          // yaml-cpp reports these plain scalars as null events; so does this reader.
          if (plain && (value.empty() || value == "~" || value == "null" || value == "Null" ||
                        value == "NULL")) {
            builder.null_value(at());
          } else {
            builder.scalar(at(), value, !plain);
          }
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
          if (e.event.data.sequence_start.anchor || e.event.data.sequence_start.tag)
            return std::nullopt;
          builder.start(at(), Kind::sequence);
          break;
        case YAML_MAPPING_START_EVENT:
          if (e.event.data.mapping_start.anchor || e.event.data.mapping_start.tag)
            return std::nullopt;
          builder.start(at(), Kind::map);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          builder.finish();
          break;
        default:  // aliases and anything newer
          return std::nullopt;
      }
    }
  } catch (const Abort&) {
    return std::nullopt;
  }
}

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.value == key) return &v;
  }
  return nullptr;
}

const Node* Node::find_key(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.value == key) return &k;
  }
  return nullptr;
}

std::string first_difference(const Node& a, const Node& b, Compare compare) {
  const auto where = [](const Node& n) {
    return fmt::format("{}:{} (byte {})", n.mark.line, n.mark.column, n.mark.offset);
  };
  if (a.kind != b.kind)
    return fmt::format("kind {} vs {} at {}", static_cast<int>(a.kind), static_cast<int>(b.kind),
                       where(a));
  const bool lenient = compare == Compare::lenient;
  const bool empty_item = a.kind == Kind::null && lenient;
  if (!empty_item && (a.mark.line != b.mark.line || a.mark.column != b.mark.column ||
                      a.mark.offset != b.mark.offset)) {
    return fmt::format("position {} vs {}", where(a), where(b));
  }
  const bool multiline = lenient && (a.value.find('\n') != std::string::npos || b.value.find('\n') != std::string::npos);
  if (a.value != b.value && !multiline)
    return fmt::format("value \"{}\" vs \"{}\" at {}", a.value, b.value, where(a));
  if (a.quoted != b.quoted)
    return fmt::format("quoted {} vs {} at {}", a.quoted, b.quoted, where(a));
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    return fmt::format("{} vs {} children at {}", a.items.size() + a.entries.size(),
                       b.items.size() + b.entries.size(), where(a));
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (auto d = first_difference(a.items[i], b.items[i], compare); !d.empty())
      return fmt::format("[{}] {}", i, d);
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (auto d = first_difference(a.entries[i].first, b.entries[i].first, compare); !d.empty())
      return fmt::format("key {}", d);
    if (auto d = first_difference(a.entries[i].second, b.entries[i].second, compare); !d.empty()) {
      return fmt::format("{}: {}", a.entries[i].first.value, d);
    }
  }
  return {};
}

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  starts.reserve(text.size() / 32 + 1);
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) break;
    p = nl + 1;
    starts.push_back(static_cast<std::size_t>(p - begin));
  }
  return starts;
}

LoadResult load(std::string_view original, const Limits& limits, ParserChoice parsers) {
  LoadResult result;
  const std::size_t bom = original.substr(0, 3) == k_bom ? 3 : 0;
  const std::string_view text = original.substr(bom);
  const Positions positions(text, bom);

  if (const auto bad = util::find_invalid_utf8(text)) {
    result.error = LoadError{positions.at_offset(*bad), "utf8",
                             "the file is not valid UTF-8 (binary data or another encoding); save it as UTF-8", false};
    return result;
  }
  if (const auto bad = find_control_character(text)) {
    if (text[*bad] == '\r') {
      result.error = LoadError{positions.at_offset(*bad), "control-character",
                               "a carriage return (CR) that is not part of a CRLF line break (old Mac line endings?); "
                               "save the file with LF or CRLF line endings",
                               false};
      return result;
    }
    result.error = LoadError{positions.at_offset(*bad), "control-character",
                             fmt::format("control character U+{:04X} is not allowed in YAML; remove it",
                                         static_cast<unsigned char>(text[*bad]) == 0xC2
                                             ? static_cast<unsigned char>(text[*bad + 1])
                                             : static_cast<unsigned char>(text[*bad])),
                             false};
    return result;
  }
  {
    const auto& starts = positions.starts();
    for (std::size_t i = 0; i < starts.size(); ++i) {
      std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
      if (end > starts[i] && text[end - 1] == '\n') --end;  // the line break is not part of the line
      if (end > starts[i] && text[end - 1] == '\r') --end;
      // A %YAML directive (only ever at the start of a line) for another version: yaml-cpp would
      // read the file, but with 1.2's types, and 1.1 reads 010, yes and 1:20 differently.
      if (const std::string_view line = text.substr(starts[i], end - starts[i]); line.rfind("%YAML", 0) == 0) {
        std::string_view version = line.substr(5);
        version.remove_prefix(std::min(version.find_first_not_of(" \t"), version.size()));
        if (version.substr(0, 3) != "1.2" || (version.size() > 3 && version[3] != ' ' && version[3] != '#')) {
          result.error = LoadError{positions.at(static_cast<int>(i), 0), "yaml-version",
                                   fmt::format("this file asks for YAML {}; plan files are YAML 1.2 (where 010 is ten "
                                               "and yes is text): remove the %YAML line or write %YAML 1.2",
                                               util::truncate_to_width(util::escape_for_display(version), 20)),
                                   true};
          return result;
        }
      }
      if (end - starts[i] > limits.max_line) {
        result.error = LoadError{positions.at(static_cast<int>(i), 0), "limit-line",
                                 fmt::format("line is {} bytes long, more than the limit of {}; break it up",
                                             end - starts[i], limits.max_line),
                                 false};
        return result;
      }
    }
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    result.error = LoadError{Mark{1, 1, bom}, "empty",
                             "the file is empty; a plan file is a YAML map that starts with \"schema_version: 1\"", false};
    return result;
  }

  // Blanks after the last line break are not content, but yaml-cpp adds one to a ">-" value
  // that ends there ("x " for "a: >-\n  x\n  "): neither parser gets them.
  std::string_view parsed = text;
  if (const std::size_t last = parsed.find_last_not_of(" \t"); last != std::string_view::npos && parsed[last] == '\n') {
    parsed = parsed.substr(0, last + 1);
  }

  if (parsers != ParserChoice::yaml_cpp) {
    if (auto root = read_with_libyaml(parsed, positions, limits)) {
      result.root = std::move(*root);
      return result;
    }
    if (parsers == ParserChoice::libyaml) {
      result.error = LoadError{Mark{1, 1, bom}, "libyaml-declined",
                               "libyaml left this file to yaml-cpp", false};
      return result;
    }
  }

  ViewBuffer buffer(parsed);
  std::istream stream(&buffer);
  TreeBuilder first(positions, limits);
  TreeBuilder second(positions, limits);
  TreeBuilder* active = &first;
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(first) || !first.root()) {
      result.error = LoadError{Mark{1, 1, bom}, "empty",
                               "the file holds no YAML document; a plan file is a YAML map that starts with \"schema_version: 1\"",
                               true};
      return result;
    }
    if (first.root()->kind == Kind::null) {
      // Not blank (checked above) yet no value: stray punctuation such as "," or "]".
      const Mark where = positions.at_offset(first_content(text));
      result.error = LoadError{where, "yaml-syntax",
                               fmt::format("invalid YAML: unexpected \"{}\"; a plan file is a YAML map (key: value lines)",
                                           util::escape_for_display(text.substr(first_content(text), 1))),
                               true};
      return result;
    }
    // Only ever ask for one more document: asking repeatedly is how LoadAll loops forever.
    active = &second;
    if (parser.HandleNextDocument(second)) {
      const Mark where = second.document_start() ? *second.document_start() : second.root() ? second.root()->mark : Mark{};
      result.error = LoadError{where, "yaml-multi-document",
                               "a second YAML document (after \"---\") is not allowed; a plan file holds one document",
                               true};
      return result;
    }
    result.root = std::move(*first.root());
  } catch (const Abort& abort) {
    result.error = abort.error;
  } catch (const YAML::DeepRecursion& e) {
    result.error = LoadError{positions.at(e.mark), "limit-depth",
                             fmt::format("nesting deeper than {} levels; a plan file needs far fewer", limits.max_depth), true};
  } catch (const YAML::ParserException& e) {
    result.error = syntax_error(e, positions, *active);
  } catch (const std::exception& e) {
    result.error = LoadError{Mark{1, 1, bom}, "yaml-syntax", fmt::format("invalid YAML: {}", e.what()), true};
  }
  return result;
}

namespace {

bool all_digits(std::string_view s, bool (*digit)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), digit);
}
bool is_decimal(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// YAML 1.2 core schema: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool is_core_int(std::string_view v) {
  if (v.size() > 2 && v[0] == '0' && v[1] == 'o') return all_digits(v.substr(2), is_octal);
  if (v.size() > 2 && v[0] == '0' && v[1] == 'x') return all_digits(v.substr(2), is_hex);
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  return all_digits(v, is_decimal);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
bool is_core_float(std::string_view v) {
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return true;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (v == ".inf" || v == ".Inf" || v == ".INF") return true;
  std::size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < v.size() && is_decimal(v[i])) ++i, ++int_digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && is_decimal(v[i])) ++i, ++frac_digits;
  } else if (int_digits == 0) {
    return false;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < v.size() && is_decimal(v[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == v.size();
}

}  // namespace

ScalarType scalar_type(const Node& node) {
  if (node.kind == Kind::null) return ScalarType::null;
  if (node.kind != Kind::scalar || node.quoted) return ScalarType::string;
  const std::string& v = node.value;
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return ScalarType::null;
  if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE") {
    return ScalarType::boolean;
  }
  if (is_core_int(v)) return ScalarType::integer;
  if (is_core_float(v)) return ScalarType::floating;
  return ScalarType::string;
}

std::optional<long long> integer_value(const Node& node) {
  if (scalar_type(node) != ScalarType::integer) return std::nullopt;
  std::string_view v = node.value;
  bool negative = false;
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'x')) {
    base = v[1] == 'o' ? 8 : 16;
    v.remove_prefix(2);
  } else if (v[0] == '+' || v[0] == '-') {
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  unsigned long long magnitude = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), magnitude, base);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  constexpr auto k_max = static_cast<unsigned long long>(std::numeric_limits<long long>::max());
  if (!negative) return magnitude <= k_max ? std::optional<long long>(static_cast<long long>(magnitude)) : std::nullopt;
  if (magnitude > k_max + 1) return std::nullopt;
  return magnitude == k_max + 1 ? std::numeric_limits<long long>::min() : -static_cast<long long>(magnitude);
}

}  // namespace bbg::yaml
