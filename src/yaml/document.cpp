#include "yaml/document.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <memory_resource>
#include <new>
#include <span>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <libfyaml.h>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace bbg::yaml {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr const char* k_alias_message = "aliases (*name) are not allowed in plan files; write the value out in full";
constexpr const char* k_anchor_message = "anchors (&name) are not allowed in plan files; write each value out in full";

// Thrown from the tree builder to stop at the first refused construct.
struct Abort {
  LoadError error;
};

[[noreturn]] void abort_at(const Mark& mark, std::string code, std::string message) {
  throw Abort{LoadError{mark, std::move(code), std::move(message), true}};
}

// Byte offsets to user positions, for the places libfyaml gives no mark for (empty values, the
// indicator of a block scalar, its diagnostics' 1-based line and column).
class Positions {
 public:
  Positions(std::string_view text, std::size_t bom) : m_text(text), m_bom(bom) {}

  std::string_view text() const { return m_text; }
  // Where each line starts, found the first time a place is asked for (most files never ask:
  // libfyaml's marks place every node but empty values and block scalars' indicators).
  const std::vector<std::size_t>& starts() const {
    if (m_starts.empty()) m_starts = line_starts(m_text);
    return m_starts;
  }

  Mark at_offset(std::size_t byte) const {
    const std::vector<std::size_t>& starts = this->starts();
    byte = std::min(byte, m_text.size());
    const auto it = std::upper_bound(starts.begin(), starts.end(), byte);
    const auto line = static_cast<std::size_t>(it - starts.begin()) - 1;
    const std::size_t start = std::max(starts[line], line == 0 ? m_bom : 0);
    Mark mark;
    mark.line = static_cast<int>(line) + 1;
    mark.column = byte > start ? static_cast<int>(util::count_code_points(m_text.substr(start, byte - start))) + 1 : 1;
    mark.offset = byte;
    return mark;
  }

  // The place of `byte` from a place `known` near it, counting only the lines between them (no
  // table of line starts is made).
  Mark near(const Mark& known, std::size_t byte) const {
    byte = std::min(byte, m_text.size());
    int line = known.line;
    if (byte <= known.offset) {
      for (std::size_t i = byte; i < known.offset; ++i) line -= m_text[i] == '\n';
    } else {
      for (std::size_t i = known.offset; i < byte; ++i) line += m_text[i] == '\n';
    }
    std::size_t start = byte;
    while (start > 0 && m_text[start - 1] != '\n') --start;
    if (start == 0) start = std::min(m_bom, byte);
    Mark mark;
    mark.line = line;
    mark.column = static_cast<int>(util::count_code_points(m_text.substr(start, byte - start))) + 1;
    mark.offset = byte;
    return mark;
  }

  // From a 1-based line and a 1-based column counted in characters.
  Mark at(int line1, int column1) const {
    const std::vector<std::size_t>& starts = this->starts();
    if (line1 < 1) return at_offset(m_bom);
    const auto line = static_cast<std::size_t>(line1 - 1);
    if (line >= starts.size()) return at_offset(m_text.size());
    const std::size_t end = line + 1 < starts.size() ? starts[line + 1] : m_text.size();
    std::size_t byte = std::max(starts[line], line == 0 ? m_bom : 0);
    for (int seen = 1; byte < end && seen < column1; ++seen) {
      ++byte;
      while (byte < end && (static_cast<unsigned char>(m_text[byte]) & 0xC0) == 0x80) ++byte;
    }
    return at_offset(byte);
  }

  // The first byte at or after `from` that is not a blank, a line break or part of a comment.
  std::size_t skip_blanks(std::size_t from) const {
    std::size_t i = from;
    while (i < m_text.size()) {
      const char c = m_text[i];
      if (c == '#' && (i == 0 || m_text[i - 1] == ' ' || m_text[i - 1] == '\t' || m_text[i - 1] == '\n')) {
        while (i < m_text.size() && m_text[i] != '\n') ++i;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i;
      } else {
        break;
      }
    }
    return i;
  }

 private:
  std::string_view m_text;
  std::size_t m_bom;
  mutable std::vector<std::size_t> m_starts;
};

Mark mark_of(const fy_mark& m) {
  Mark mark;
  mark.line = m.line + 1;
  mark.column = m.column + 1;
  mark.offset = m.input_pos;
  return mark;
}

// One character back on the same line (the quote before a quoted scalar's first character,
// the "&" of an anchor, the "*" of an alias: libfyaml's marks leave them out).
Mark one_back(Mark mark) {
  if (mark.column > 1 && mark.offset > 0) {
    --mark.column;
    --mark.offset;
  }
  return mark;
}

Mark one_on(Mark mark) {
  ++mark.column;
  ++mark.offset;
  return mark;
}

// What a loaded tree points into: a copy of the text (plain scalars and simple quoted ones are
// views of it), the values bbg or libfyaml decoded, and the nodes, in a few blocks of memory
// that are freed together.
class Storage {
 public:
  explicit Storage(std::string_view text)
      : m_text(text), m_arena(std::max<std::size_t>(4096, text.size() * 6)) {}
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  std::string_view text() const { return m_text; }

  // `value` as a view that lives as long as the storage.
  std::string_view keep(std::string_view value) {
    const char* text = m_text.data();
    if (value.empty()) return {};
    if (value.data() >= text && value.data() + value.size() <= text + m_text.size()) return value;
    auto* copy = static_cast<char*>(m_arena.allocate(value.size(), 1));
    std::memcpy(copy, value.data(), value.size());
    return {copy, value.size()};
  }

  template <class T>
  std::span<const T> keep(const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    auto* copy = static_cast<T*>(m_arena.allocate(items.size() * sizeof(T), alignof(T)));
    std::memcpy(static_cast<void*>(copy), items.data(), items.size() * sizeof(T));
    return {copy, items.size()};
  }

 private:
  std::string m_text;
  std::pmr::monotonic_buffer_resource m_arena;
};

// The node tree as the events build it, with bbg's policy: depth, size and count limits,
// duplicate keys and keys that are not text. The children of each open collection gather in its
// frame (frames and their buffers are reused from one collection to the next) and are copied
// into the storage once, when the collection ends.
class TreeBuilder {
 public:
  TreeBuilder(Storage& storage, const Limits& limits) : m_storage(storage), m_limits(limits) {}

  std::optional<Node>& root() { return m_root; }
  bool has_root() const { return m_root.has_value(); }
  std::size_t depth() const { return m_depth; }
  // The innermost open flow collection of `kind`, if any.
  const Node* open_flow(Kind kind) const {
    for (std::size_t i = m_depth; i-- > 0;) {
      if (m_frames[i].node.flow && m_frames[i].node.kind == kind) return &m_frames[i].node;
    }
    return nullptr;
  }
  bool in_sequence() const { return m_depth > 0 && m_frames[m_depth - 1].node.kind == Kind::sequence; }
  bool in_flow() const { return m_depth > 0 && m_frames[m_depth - 1].node.flow; }

  void null_value(const Mark& mark) {
    Node node;
    node.kind = Kind::null;
    node.mark = mark;
    node.end = mark;
    add(node);
  }

  // `escaped`: double-quoted, the only style whose escapes can make characters the raw text may
  // not hold (the raw text was checked before parsing).
  void scalar(const Mark& mark, const Mark& end, std::string_view value, bool quoted, bool escaped) {
    if (value.size() > m_limits.max_scalar) {
      abort_at(mark, "limit-scalar",
               fmt::format("a value of {} bytes is longer than the limit of {} bytes; shorten it",
                           value.size(), m_limits.max_scalar));
    }
    for (std::size_t i = 0; escaped && i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      std::optional<unsigned> code;
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) code = c;
      // C1 controls (U+0080-U+009F) written as escapes; NEL ("\N") is a line break and stays.
      if (c == 0xC2 && i + 1 < value.size()) {
        const auto next = static_cast<unsigned char>(value[i + 1]);
        if (next >= 0x80 && next <= 0x9F && next != 0x85) code = next;
      }
      if (code) {
        abort_at(mark, "control-character",
                 fmt::format("this value holds control character U+{:04X} (written as an escape); remove it", *code));
      }
    }
    Node node;
    node.kind = Kind::scalar;
    node.mark = mark;
    node.end = end;
    node.value = m_storage.keep(value);
    node.quoted = quoted;
    add(node);
  }

  void start(const Mark& mark, Kind kind, bool flow) {
    count(mark);
    if (m_depth >= m_limits.max_depth) {
      abort_at(mark, "limit-depth",
               fmt::format("nesting deeper than {} levels; a plan file needs far fewer", m_limits.max_depth));
    }
    if (m_depth == m_frames.size()) m_frames.emplace_back();
    Frame& frame = m_frames[m_depth++];
    frame.node = Node();
    frame.node.kind = kind;
    frame.node.mark = mark;
    frame.node.end = mark;
    frame.node.flow = flow;
    frame.pending = false;
    frame.items.clear();
    frame.entries.clear();
    frame.keys.clear();
  }

  // `end`: where the closing bracket of a flow collection ends; block collections end with their
  // last child.
  void finish(const Mark& end) {
    Frame& frame = m_frames[m_depth - 1];
    Node node = frame.node;
    if (node.flow) {
      node.end = end;
    } else if (!frame.items.empty()) {
      node.end = frame.items.back().end;
    } else if (!frame.entries.empty()) {
      const Entry& last = frame.entries.back();
      node.end = last.second.kind == Kind::null ? last.first.end : last.second.end;
    }
    node.items = m_storage.keep(frame.items);
    node.entries = m_storage.keep(frame.entries);
    --m_depth;
    add(node, /*counted=*/true);
  }

 private:
  struct Frame {
    Node node;
    bool pending = false;  // a map's last entry has its key and waits for its value
    std::vector<Node> items;
    std::vector<Entry> entries;
    std::unordered_set<std::string_view> keys;  // filled only once the map is large

    // False when `key` is already a key of this map.
    bool insert_key(std::string_view key) {
      constexpr std::size_t k_linear = 32;  // plan maps have about 20 keys: comparing beats hashing
      if (entries.size() < k_linear) {
        return std::none_of(entries.begin(), entries.end(), [&](const Entry& entry) { return entry.first.value == key; });
      }
      if (keys.empty()) {
        for (const auto& entry : entries) keys.insert(entry.first.value);
      }
      return keys.insert(key).second;
    }
  };

  void count(const Mark& mark) {
    if (++m_nodes > m_limits.max_nodes) {
      abort_at(mark, "limit-nodes", fmt::format("more than {} values in one file; split the plan", m_limits.max_nodes));
    }
  }

  void add(Node node, bool counted = false) {
    if (!counted) count(node.mark);
    if (m_depth == 0) {
      m_root = node;
      return;
    }
    Frame& parent = m_frames[m_depth - 1];
    if (parent.node.kind == Kind::sequence) {
      parent.items.push_back(node);
      return;
    }
    if (!parent.pending) {
      if (node.kind != Kind::scalar) {
        abort_at(node.mark, "yaml-key", "keys must be plain text, not lists, maps or empty values");
      }
      if (!parent.insert_key(node.value)) {
        abort_at(node.mark, "yaml-duplicate-key",
                 fmt::format("duplicate key \"{}\" in this map; each key may appear once: merge or rename them",
                             util::truncate_to_width(util::escape_for_display(node.value), 60)));
      }
      parent.entries.push_back(Entry{node, Node()});
      parent.pending = true;
      return;
    }
    Entry& entry = parent.entries.back();
    if (node.kind == Kind::null) node.mark = node.end = entry.first.mark;  // an empty value has no place of its own
    entry.second = node;
    parent.pending = false;
  }

  Storage& m_storage;
  const Limits& m_limits;
  std::vector<Frame> m_frames;  // m_frames[0..m_depth) are open
  std::size_t m_depth = 0;
  std::optional<Node> m_root;
  std::size_t m_nodes = 0;
};

// What one pass over the bytes finds: the first character bbg does not allow in a plan file (C0
// controls other than tab, LF and CR, DEL, C1 controls (NEL, U+0085, among them: a line break in
// YAML 1.1 but not in 1.2, so readers disagree on it), a CR that is not part of CRLF, a byte
// order mark after `from`), and the first line longer than `max_line` bytes (its line break not
// counted). The text is valid UTF-8.
struct Screening {
  std::optional<std::size_t> control;             // offset of the character
  std::optional<std::size_t> long_line;           // offset where the line starts
  std::size_t long_line_length = 0;
};

Screening screen(std::string_view text, std::size_t from, std::size_t max_line) {
  // The bytes that need a look: every C0 control but tab, DEL, and the lead bytes of C1 controls
  // (0xC2) and of the byte order mark (0xEF). A line break is looked at for the line's length.
  static constexpr auto k_special = [] {
    std::array<bool, 256> special{};
    for (unsigned c = 0; c < 0x20; ++c) special[c] = c != '\t';
    special[0x7F] = special[0xC2] = special[0xEF] = true;
    return special;
  }();
  Screening found;
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const auto line_ends = [&](std::size_t line, std::size_t end) {
    if (end > line && text[end - 1] == '\r') --end;
    if (!found.long_line && end - line > max_line) {
      found.long_line = line;
      found.long_line_length = end - line;
    }
  };
  std::size_t line = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (i < n && !k_special[byte(i)]) ++i;
    if (i == n) break;
    const unsigned char c = byte(i);
    if (c == '\n') {
      line_ends(line, i);
      line = i + 1;
      continue;
    }
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') continue;
    if (c == 0xC2) {
      if (i + 1 < n && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) {
        found.control = i;
        return found;
      }
      continue;
    }
    if (c == 0xEF) {
      if (i >= from && text.substr(i, 3) == k_bom) {
        found.control = i;
        return found;
      }
      continue;
    }
    found.control = i;
    return found;
  }
  if (line < n) line_ends(line, n);
  return found;
}

// libfyaml's diagnostic turned into bbg's words, at the place the user must look. The table is
// matched on libfyaml 0.7.12's wording (tests/unit/test_yaml_document.cpp runs every must-fail
// case of the yaml-test-suite and requires a bbg message for each).
struct Explanation {
  const char* code;
  std::string message;
};

Explanation explain(std::string_view what) {
  const auto has = [&](std::string_view part) { return what.find(part) != std::string_view::npos; };
  if (has("without closing quote")) {
    return {"yaml-syntax", fmt::format("the quoted text that starts here is never closed; add the closing quote ({})",
                                       has("single-quoted") ? "'" : "\"")};
  }
  if (has("flow sequence without a closing bracket")) {
    return {"yaml-syntax", "the list opened with \"[\" here is never closed; add the closing \"]\""};
  }
  if (has("flow mapping without a closing brace")) {
    return {"yaml-syntax", "the map opened with \"{\" here is never closed; add the closing \"}\""};
  }
  if (has("alias")) return {"yaml-alias", k_alias_message};
  if (has("anchor")) return {"yaml-anchor", k_anchor_message};
  if (has("tab")) return {"yaml-syntax", "this line is indented with a tab; YAML indentation must use spaces"};
  if (has("comment")) {
    return {"yaml-syntax", "a comment must be separated from what comes before it by a space: write \" #\""};
  }
  if (has("missing comma")) return {"yaml-syntax", "a comma is missing between two items of this [ ] or { } list"};
  if (has("comma")) return {"yaml-syntax", "a comma without an item on each side; remove it"};
  if (has("extra closing")) return {"yaml-syntax", "a closing bracket without an opening one; remove it"};
  if (has("escape")) {
    return {"yaml-syntax", "an unknown escape (\\) in double-quoted text; write \\\\ for a backslash, or use single quotes"};
  }
  if (has("marker in") && has("quoted")) {
    return {"yaml-syntax", "a line of this quoted text starts with \"---\" or \"...\", which YAML reads as the end of "
                           "the document; indent that line"};
  }
  if (has("content after document end")) {
    return {"yaml-syntax", "nothing may follow \"...\" (the end of the document); remove it"};
  }
  if (has("no linebreak")) {
    return {"yaml-syntax", "only -, + or a digit (and a comment after a space) may follow | or > on its line; start "
                           "the text on the next line"};
  }
  if (has("directive") || has("document start") || has("document-start") || has("document end") ||
      has("document-end") || has("garbage after version")) {
    return {"yaml-syntax",
            "a document marker (--- or ...) or a %-directive is misplaced; a plan file is one document, and "
            "--- and ... only ever start a line of their own"};
  }
  if (has("tag")) return {"yaml-tag", "a tag (!name) is written wrongly here; plan files use no tags: remove it"};
  if (has("multiline") && has("key")) {
    return {"yaml-syntax", "a key runs over more than one line; write each key and its colon on one line"};
  }
  if (has("cannot start with")) {
    return {"yaml-syntax", "a value inside [ ] or { } cannot start with \"-\" followed by , [ ] { } or a space; quote it"};
  }
  if (has("quoted scalar")) {
    return {"yaml-syntax", "the lines of this quoted text must be indented further than the key it belongs to"};
  }
  if (has("block scalar") || has("indentation indicator")) {
    return {"yaml-syntax", "the text of this | or > block is indented wrongly; indent every line of it at least as "
                           "far as its first line"};
  }
  if (has("':'")) {
    return {"yaml-syntax", "a \":\" is in the wrong place; write \"key: value\" with the key and its colon on one line"};
  }
  if (has("on the same line") || has("same line as")) {
    return {"yaml-syntax", "a new key or \"- \" item starts on the same line as the one before; put it on a line of its "
                           "own (or quote a value that holds \": \")"};
  }
  if (has("after mapping") || has("mapping in plain multiline") || has("after double-quoted") ||
      has("after single-quoted") || has("trailing content")) {
    return {"yaml-syntax", "this text does not belong to the key above it; write \"key: value\", or quote a value that "
                           "goes on over several lines"};
  }
  if (has("inden")) {  // libfyaml writes both "indentation" and "indendation"
    return {"yaml-syntax", "the indentation here does not fit the lines around it; indent it like the other keys or "
                           "items at its level"};
  }
  if (has("end of block sequence") || has("expected '-'")) {
    return {"yaml-syntax", "a line inside this list is neither a \"- \" item nor indented under one"};
  }
  if (has("expected node content") || has("unexpected")) {
    return {"yaml-syntax", "a value is missing here, or starts with a character that YAML does not allow there"};
  }
  return {"yaml-syntax", "this is not valid YAML; check the indentation, quotes and brackets here"};
}

// The offset of the quote that closes the quoted text opened at `open`, or npos.
std::size_t closing_quote(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

std::size_t indentation(std::string_view text, const std::vector<std::size_t>& starts, int line1) {
  const std::size_t start = starts[static_cast<std::size_t>(line1 - 1)];
  std::size_t i = start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - start;
}

// The error for libfyaml's message `what` at `mark`, moved to where the user must look: an
// unclosed quote to its quote, an unclosed bracket to the bracket that opened it, a stray
// character at the top of the file named as such.
LoadError describe(std::string_view what, Mark mark, const Positions& positions, const TreeBuilder& builder) {
  const std::string_view text = positions.text();
  Explanation explanation = explain(what);
  const auto has = [&](std::string_view part) { return what.find(part) != std::string_view::npos; };
  if (has("without closing quote") || (has("indented") && has("quoted scalar"))) {
    std::size_t at = std::min(mark.offset, text.size());
    const char quote = has("single-quoted") ? '\'' : '"';
    if (at > 0 && text[at - 1] == quote && (at >= text.size() || text[at] != quote)) --at;
    if (at < text.size() && text[at] == quote) {
      mark = positions.at_offset(at);
      const std::size_t close = closing_quote(text, at);
      if (close == std::string_view::npos) {
        explanation = explain(quote == '\'' ? "single-quoted scalar without closing quote" : "without closing quote");
      } else if (positions.at_offset(close).line > mark.line) {
        explanation.message = fmt::format(
            "this quoted text goes on to the quote on line {}, and the lines it runs over must be indented further "
            "than its key; close the quote on this line if that is where the text ends",
            positions.at_offset(close).line);
      }
    }
  }
  // A "[" or "{" never closed reads on into the next lines: libfyaml stops at the first of them
  // that cannot be an item. A line indented no further than the bracket's own is not meant as one.
  const Node* open = builder.open_flow(Kind::sequence);
  if (const Node* map = builder.open_flow(Kind::map); map && (!open || map->mark.offset > open->mark.offset)) open = map;
  if (open && (has("without a closing") || has("missing comma")) && mark.line > open->mark.line &&
      indentation(text, positions.starts(), mark.line) <= indentation(text, positions.starts(), open->mark.line)) {
    mark = open->mark;
    explanation = explain(open->kind == Kind::sequence ? "flow sequence without a closing bracket"
                                                       : "flow mapping without a closing brace");
  } else if (open && has("without a closing")) {
    mark = open->mark;
  }
  if (builder.depth() == 0 && !builder.has_root() && has("expected node content")) {
    const std::size_t at = std::min(mark.offset, text.size() ? text.size() - 1 : 0);
    explanation.message = fmt::format("unexpected \"{}\"; a plan file is a YAML map (key: value lines)",
                                      util::escape_for_display(text.substr(at, 1)));
  }
  return LoadError{mark, explanation.code, "invalid YAML: " + explanation.message, true};
}

// libfyaml's parser and its diagnostics, collected rather than printed, freed however the
// reading ends.
class FyParser {
 public:
  explicit FyParser(std::string_view text) {
    fy_diag_cfg diag_cfg;
    fy_diag_cfg_default(&diag_cfg);
    diag_cfg.fp = nullptr;
    // A few messages are only printed, never collected: keep the last one.
    diag_cfg.output_fn = [](fy_diag*, void* user, const char* text, size_t length) {
      static_cast<std::string*>(user)->assign(text, length);
    };
    diag_cfg.user = &m_printed;
    diag_cfg.colorize = false;
    diag_cfg.level = FYET_ERROR;
    m_diag = fy_diag_create(&diag_cfg);
    if (!m_diag) throw std::bad_alloc();
    fy_diag_set_collect_errors(m_diag, true);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
    cfg.diag = m_diag;
    m_parser = fy_parser_create(&cfg);
    if (!m_parser || fy_parser_set_string(m_parser, text.data(), text.size()) != 0) {
      if (m_parser) fy_parser_destroy(m_parser);
      fy_diag_unref(m_diag);
      throw std::bad_alloc();
    }
  }
  ~FyParser() {
    if (leaves_parser_broken()) {
      park(m_parser);
    } else {
      fy_parser_destroy(m_parser);
    }
    fy_diag_set_collect_errors(m_diag, false);  // frees the collected errors, which unref alone leaks
    fy_diag_unref(m_diag);
  }
  FyParser(const FyParser&) = delete;
  FyParser& operator=(const FyParser&) = delete;

  fy_parser* get() const { return m_parser; }
  // The last message libfyaml printed (without its "[ERR]: " prefix), for errors it does not collect.
  std::string printed() const {
    const std::size_t at = m_printed.find("]: ");
    std::string text = at == std::string::npos ? m_printed : m_printed.substr(at + 3);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
  }

  // The first error libfyaml reported, if any.
  const fy_diag_error* first_error() const {
    void* iter = nullptr;
    while (const fy_diag_error* e = fy_diag_errors_iterate(m_diag, &iter)) {
      if (e->type == FYET_ERROR) return e;
    }
    return nullptr;
  }

 private:
  // libfyaml 0.7.12 recycles a simple key twice when a tab follows the ":" of a complex key
  // ("? a:<TAB>-"), and fy_parser_destroy then frees it twice and crashes (libfyaml issue #57,
  // fixed upstream after 0.7.12). The error is always this message and reading stops at it.
  bool leaves_parser_broken() const {
    const fy_diag_error* e = first_error();
    return e && e->msg && std::strstr(e->msg, "cannot use tab for indentation of block entry");
  }
  // Such a parser is kept, never destroyed: a few kilobytes for each file that has the error,
  // reachable from here so that leak checkers do not report it.
  static void park(fy_parser* parser) {
    static std::mutex mutex;
    static auto* const parked = new std::vector<fy_parser*>;  // never destroyed, like its parsers
    const std::lock_guard lock(mutex);
    parked->push_back(parser);
  }

  std::string m_printed;
  fy_diag* m_diag = nullptr;
  fy_parser* m_parser = nullptr;
};

// An event of `parser`, freed when it goes.
class FyEvent {
 public:
  FyEvent(fy_parser* parser, fy_event* event) : m_parser(parser), m_event(event) {}
  ~FyEvent() { fy_parser_event_free(m_parser, m_event); }
  FyEvent(const FyEvent&) = delete;
  FyEvent& operator=(const FyEvent&) = delete;
  fy_event* get() const { return m_event; }

 private:
  fy_parser* m_parser;
  fy_event* m_event;
};

// The tag of an event as written ("!!binary", "!custom"), for the message that refuses it.
std::string written_tag(fy_token* tag, std::string_view text) {
  const fy_mark* start = fy_token_start_mark(tag);
  const fy_mark* end = fy_token_end_mark(tag);
  if (!start || !end || end->input_pos <= start->input_pos || end->input_pos > text.size()) return "!";
  return std::string(text.substr(start->input_pos, end->input_pos - start->input_pos));
}

// The %YAML and %TAG lines of the text's prologue (the lines before its first content), which
// is the only place directives can be: the first with a version other than 1.2, if any.
std::optional<LoadError> check_directives(std::string_view text, const Positions& positions) {
  for (std::size_t start = 0, i = 0; start < text.size(); ++i) {
    const std::size_t next = std::min(text.find('\n', start), text.size());
    std::size_t end = next;
    while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
    std::string_view line = text.substr(start, end - start);
    const std::size_t line_start = start;
    start = next + 1;
    if (i == 0 && line.substr(0, 3) == k_bom) line.remove_prefix(3);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    if (line[0] != '%') return std::nullopt;
    if (line.rfind("%YAML", 0) != 0 || (line.size() > 5 && line[5] != ' ' && line[5] != '\t')) continue;
    // YAML 1.1 reads 010, yes and 1:20 differently, and libfyaml would follow the directive.
    std::string_view version = line.substr(5);
    version.remove_prefix(std::min(version.find_first_not_of(" \t"), version.size()));
    if (version.substr(0, 3) != "1.2" || (version.size() > 3 && version[3] != ' ' && version[3] != '\t' && version[3] != '#')) {
      return LoadError{positions.at_offset(line_start + (i == 0 && text.substr(0, 3) == k_bom ? 3 : 0)), "yaml-version",
                       fmt::format("this file asks for YAML {}; plan files are YAML 1.2 (where 010 is ten and yes "
                                   "is text): remove the %YAML line or write %YAML 1.2",
                                   util::truncate_to_width(util::escape_for_display(version), 20)),
                       true};
    }
  }
  return std::nullopt;
}

// The value of a single-quoted scalar from its text between the quotes: two quotes in a row are
// one, and line breaks fold as in every flow scalar (one becomes a space, each further one a line
// break, blanks around them dropped). libfyaml 0.7.12 reads four quotes in a row wrongly
// ('a''''b_' gives "a'''b"), so bbg reads these itself.
std::string single_quoted_value(std::string_view raw) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0;;) {
    const std::size_t nl = raw.find('\n', at);
    std::string_view line = raw.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  const auto trim_end = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  const auto trim_start = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    return v;
  };
  std::string folded;
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i > 0) line = trim_start(line);
    if (i + 1 < lines.size()) line = trim_end(line);
    if (i > 0 && i + 1 < lines.size() && line.empty()) {
      ++breaks;
      continue;
    }
    if (i > 0) folded += breaks ? std::string(breaks, '\n') : std::string(" ");
    breaks = 0;
    folded += line;
  }
  std::string value;
  value.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    value += folded[i];
    if (folded[i] == '\'' && i + 1 < folded.size() && folded[i + 1] == '\'') ++i;
  }
  return value;
}

// The source text from `start` to `end` (for a quoted scalar, what is between its quotes).
std::string_view inner_text(std::string_view text, const fy_mark* start, const fy_mark* end) {
  if (!start || !end || end->input_pos < start->input_pos || end->input_pos > text.size()) return {};
  return text.substr(start->input_pos, end->input_pos - start->input_pos);
}

// The value of a scalar as libfyaml decodes it, read chunk by chunk; nothing when libfyaml
// cannot decode it. fy_token_get_text in libfyaml 0.7.12 copies the chunks into a buffer of a
// length it worked out beforehand, which for some block scalars and double-quoted scalars over
// several lines is too short: it stops copying, and returns the value cut short with
// uninitialised memory at its end (and leaks the chunk table). Reading the chunks has neither
// problem, and says when decoding fails (as it does for some blocks of blank lines only: "|2"
// over lines of two spaces and a last of four, or "|" over one space and no line break).
std::optional<std::string> decoded_text(fy_token* token) {
  std::string value;
  const std::unique_ptr<fy_token_iter, void (*)(fy_token_iter*)> iter(fy_token_iter_create(token),
                                                                       fy_token_iter_destroy);
  if (!iter) throw std::bad_alloc();
  const fy_iter_chunk* chunk = nullptr;
  int error = 0;
  while ((chunk = fy_token_iter_chunk_next(iter.get(), chunk, &error)) != nullptr) value.append(chunk->str, chunk->len);
  if (error != 0) return std::nullopt;
  return value;
}

// The value of a double-quoted scalar whose lines end in CRLF, from `raw` (its text between the
// quotes). libfyaml 0.7.12 decodes such a scalar wrongly when it ends in an empty line (a line
// break too many, or one too few), so a parser of its own reads the same text with LF line
// breaks: the same value, since a line break in double quotes is folded whichever it is, and
// continuation lines' indentation is never part of the value. A CR is only ever half of a CRLF
// here (bbg refuses any other).
std::optional<std::string> double_quoted_value_lf(std::string_view raw) {
  std::string source;
  source.reserve(raw.size() + 2);
  source += '"';
  for (const char c : raw) {
    if (c != '\r') source += c;
  }
  source += '"';
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
  const std::unique_ptr<fy_parser, void (*)(fy_parser*)> parser(fy_parser_create(&cfg), fy_parser_destroy);
  if (!parser || fy_parser_set_string(parser.get(), source.data(), source.size()) != 0) throw std::bad_alloc();
  std::optional<std::string> value;
  while (fy_event* event = fy_parser_parse(parser.get())) {
    const FyEvent owned(parser.get(), event);
    if (event->type == FYET_SCALAR) value = decoded_text(event->scalar.value);
  }
  return value;
}

// Where the text of a block scalar ends: after the last character of its last line that holds
// any. libfyaml's end mark is where the next token starts, past the blank lines and the comments
// that follow the block (less indented than its text).
std::size_t block_scalar_end(std::string_view text, std::size_t content, std::size_t end) {
  end = std::min(end, text.size());
  std::size_t first = content;
  while (first < end && text[first] == ' ') ++first;
  const std::size_t indent = first - content;
  std::size_t stop = content;
  for (std::size_t line = content; line < end;) {
    std::size_t next = text.find('\n', line);
    next = next == std::string_view::npos || next >= end ? end : next + 1;
    std::size_t i = line;
    while (i < next && text[i] == ' ') ++i;
    std::size_t last = next;
    while (last > i && (text[last - 1] == '\n' || text[last - 1] == '\r' || text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
    if (last > i && i - line >= indent) stop = last;  // a line of the text, not a comment after it
    line = next;
  }
  return std::max(stop, content);
}

// Reads the events of `text` into a tree. Throws Abort for anything refused.
Node read_tree(Storage& storage, const Positions& positions, const Limits& limits) {
  const std::string_view text = storage.text();
  TreeBuilder builder(storage, limits);
  FyParser parser(text);
  int documents = 0;
  std::size_t last_end = 0;  // where the previous event ended: empty values are placed from it
  const auto fail_from_diag = [&]() -> LoadError {
    if (const fy_diag_error* e = parser.first_error()) {
      const std::string_view what = e->msg ? e->msg : "";
      Mark mark = positions.at(e->line, e->column);
      if (e->fyt) {
        if (const fy_mark* m = fy_token_start_mark(e->fyt); m && e->line <= 0) mark = mark_of(*m);
      }
      return describe(what, mark, positions, builder);
    }
    return describe(parser.printed(), positions.at_offset(positions.skip_blanks(last_end)), positions, builder);
  };
  for (;;) {
    fy_event* raw = fy_parser_parse(parser.get());
    if (!raw) throw Abort{fail_from_diag()};
    const FyEvent event(parser.get(), raw);
    const fy_mark* start = fy_event_start_mark(raw);
    const fy_mark* end = fy_event_end_mark(raw);
    switch (raw->type) {
      case FYET_NONE:
      case FYET_STREAM_START:
        break;
      case FYET_DOCUMENT_END:
        if (end) last_end = std::max(last_end, end->input_pos);
        break;
      case FYET_STREAM_END:
        if (documents == 0 || !builder.root()) {
          abort_at(Mark{1, 1, 0}, "empty",
                   "the file holds no YAML document; a plan file is a YAML map that starts with \"schema_version: 1\"");
        }
        return std::move(*builder.root());
      case FYET_DOCUMENT_START: {
        if (++documents > 1) {
          // A document after "..." has no "---": it starts where its content does.
          const Mark where = start ? mark_of(*start) : positions.at_offset(positions.skip_blanks(last_end));
          abort_at(where, "yaml-multi-document",
                   "a second YAML document (after \"---\") is not allowed; a plan file holds one document");
        }
        fy_document_state* state = raw->document_start.document_state;
        if (state && fy_document_state_start_implicit(state) &&
            (fy_document_state_version_explicit(state) || fy_document_state_tags_explicit(state))) {
          abort_at(positions.at_offset(positions.skip_blanks(0)), "yaml-syntax",
                   "invalid YAML: a %YAML or %TAG line must be followed by a line with \"---\"; add it, or remove the "
                   "directive (plan files need none)");
        }
        break;
      }
      case FYET_ALIAS:
        abort_at(start ? one_back(mark_of(*start)) : positions.at_offset(last_end), "yaml-alias", k_alias_message);
      case FYET_SCALAR:
      case FYET_SEQUENCE_START:
      case FYET_MAPPING_START: {
        if (fy_token* anchor = fy_event_get_anchor_token(raw)) {
          const fy_mark* at = fy_token_start_mark(anchor);
          abort_at(at ? one_back(mark_of(*at)) : positions.at_offset(last_end), "yaml-anchor", k_anchor_message);
        }
        if (fy_token* tag = fy_event_get_tag_token(raw)) {
          const fy_mark* at = fy_token_start_mark(tag);
          abort_at(at ? mark_of(*at) : positions.at_offset(last_end), "yaml-tag",
                   fmt::format("tags such as \"{}\" are not allowed in plan files; remove the tag (quote the value to "
                               "make it text)",
                               util::truncate_to_width(util::escape_for_display(written_tag(tag, text)), 40)));
        }
        if (raw->type != FYET_SCALAR) {
          if (!start) throw Abort{fail_from_diag()};
          const bool flow = fy_event_get_node_style(raw) == FYNS_FLOW;
          builder.start(mark_of(*start), raw->type == FYET_MAPPING_START ? Kind::map : Kind::sequence, flow);
          last_end = std::max(last_end, (end ? end : start)->input_pos);
          break;
        }
        fy_token* token = raw->scalar.value;
        const fy_scalar_style style = fy_token_scalar_style(token);
        // The text between the quotes of a quoted scalar.
        const std::string_view quoted = style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED
                                            ? inner_text(text, start, end)
                                            : std::string_view();
        // Single-quoted text is decoded below (libfyaml's own decoding is wrong for it). Text
        // that libfyaml must decode (over lines, with escapes, a block) is read by chunks, and
        // double-quoted text over CRLF lines by a parser of its own.
        std::optional<std::string> own;
        std::size_t length = 0;
        const char* value = "";
        const bool decoded = style == FYSS_LITERAL || style == FYSS_FOLDED ||
                             (style == FYSS_DOUBLE_QUOTED && quoted.find_first_of("\\\n") != std::string_view::npos);
        if (style == FYSS_DOUBLE_QUOTED && decoded && quoted.find('\r') != std::string_view::npos) {
          own = double_quoted_value_lf(quoted);
        } else if (decoded && token) {
          own = decoded_text(token);
        } else if (style == FYSS_DOUBLE_QUOTED) {
          value = quoted.data();  // no escape and no line break: the value is the text as written
          length = quoted.size();
        } else if (const std::string_view raw = style == FYSS_PLAIN ? inner_text(text, start, end) : std::string_view();
                   !raw.empty() && raw.find('\n') == std::string_view::npos) {
          // A plain scalar on one line is its text as written (its marks leave out the blanks and
          // comment after it); asking libfyaml to format it would copy it, at a fifth of the
          // parse's own cost.
          value = raw.data();
          length = raw.size();
        } else if (token && style != FYSS_SINGLE_QUOTED) {
          value = fy_token_get_text(token, &length);
        }
        if (own) {
          value = own->data();
          length = own->size();
        }
        if (!value) value = "";
        std::string_view v(value, length);
        const bool plain = style == FYSS_PLAIN;
        if (!start || !end) {
          // An empty value: a map's takes its key's place; a list item's is right after its "-".
          Mark at = positions.at_offset(last_end);
          if (builder.in_sequence() && !builder.in_flow()) {
            const std::size_t dash = positions.skip_blanks(last_end);
            if (dash < text.size() && text[dash] == '-') {
              at = positions.at_offset(dash + 1);
              last_end = dash + 1;
            }
          }
          builder.null_value(at);
          break;
        }
        Mark mark = mark_of(*start);
        Mark stop = mark_of(*end);
        std::string single;
        if (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) {
          if (style == FYSS_SINGLE_QUOTED) {
            single = single_quoted_value(quoted);
            v = single;
          }
          mark = one_back(mark);
          stop = one_on(stop);
        } else if (style == FYSS_LITERAL || style == FYSS_FOLDED) {
          // The block scalar's place is its indicator (| or >), before its first line.
          const std::size_t indicator = positions.skip_blanks(last_end);
          std::size_t at = indicator;
          while (at < text.size() && (text[at] == ':' || text[at] == '-' || text[at] == '?' || text[at] == ' ')) {
            at = positions.skip_blanks(at + 1);
          }
          if (at < text.size() && (text[at] == '|' || text[at] == '>') && at < start->input_pos) mark = positions.near(mark, at);
          stop = positions.near(stop, block_scalar_end(text, start->input_pos, end->input_pos));
        }
        if (decoded && !own) {
          abort_at(mark, "yaml-unreadable",
                   style == FYSS_DOUBLE_QUOTED
                       ? "bbg cannot read this quoted text (libfyaml 0.7.12 cannot decode it); write it on one line"
                       : "bbg cannot read this block of text: it holds only blank lines, laid out in a way libfyaml "
                         "0.7.12 cannot decode; remove the block, or write its text");
        }
        last_end = std::max(last_end, end->input_pos);
        if (plain && (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL")) {
          builder.null_value(mark);
        } else {
          builder.scalar(mark, stop, v, !plain, style == FYSS_DOUBLE_QUOTED);
        }
        break;
      }
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END: {
        const Mark stop = end ? mark_of(*end) : positions.at_offset(last_end);
        if (end && builder.in_flow()) last_end = std::max(last_end, end->input_pos);
        builder.finish(stop);
        break;
      }
    }
  }
}

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.value == key) return &v;
  }
  return nullptr;
}

Value* Value::child(std::string_view key) {
  for (auto& [k, v] : entries) {
    if (k.value == key) return &v;
  }
  return nullptr;
}

Value value_of(const Node& node) {
  Value out;
  out.kind = node.kind;
  out.mark = node.mark;
  out.value = std::string(node.value);
  out.quoted = node.quoted;
  out.items.reserve(node.items.size());
  for (const Node& item : node.items) out.items.push_back(value_of(item));
  out.entries.reserve(node.entries.size());
  for (const auto& [key, value] : node.entries) out.entries.emplace_back(value_of(key), value_of(value));
  return out;
}

const Node* Node::find_key(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.value == key) return &k;
  }
  return nullptr;
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

LoadResult load(std::string_view given, const Limits& limits) {
  LoadResult result;
  // The tree's views point into the storage's own copy of the text, which everything below reads.
  auto storage = std::make_shared<Storage>(given);
  const std::string_view text = storage->text();
  const std::size_t bom = text.substr(0, 3) == k_bom ? 3 : 0;
  const Positions positions(text, bom);

  if (const auto bad = util::find_invalid_utf8(text)) {
    result.error = LoadError{positions.at_offset(*bad), "utf8",
                             "the file is not valid UTF-8 (binary data or another encoding); save it as UTF-8", false};
    return result;
  }
  const Screening screening = screen(text, bom, limits.max_line);
  if (const auto bad = screening.control) {
    const auto c = static_cast<unsigned char>(text[*bad]);
    std::string message;
    if (c == '\r') {
      message = "a carriage return (CR) that is not part of a CRLF line break (old Mac line endings?); "
                "save the file with LF or CRLF line endings";
    } else if (c == 0xEF) {
      message = "a byte order mark (U+FEFF) after the start of the file; remove it (a file may start with one, "
                "nowhere else)";
    } else if (c == 0xC2 && static_cast<unsigned char>(text[*bad + 1]) == 0x85) {
      message = "a raw NEL (U+0085), which YAML 1.1 readers take for a line break and YAML 1.2 readers do not; "
                "replace it with a line break or a space";
    } else {
      message = fmt::format("control character U+{:04X} is not allowed in YAML; remove it",
                            c == 0xC2 ? static_cast<unsigned char>(text[*bad + 1]) : c);
    }
    result.error = LoadError{positions.at_offset(*bad), "control-character", std::move(message), false};
    return result;
  }
  if (screening.long_line) {
    result.error = LoadError{positions.at_offset(*screening.long_line), "limit-line",
                             fmt::format("line is {} bytes long, more than the limit of {}; break it up",
                                         screening.long_line_length, limits.max_line),
                             false};
    return result;
  }
  if (text.substr(bom).find_first_not_of(" \t\r\n") == std::string_view::npos) {
    result.error = LoadError{Mark{1, 1, bom}, "empty",
                             "the file is empty; a plan file is a YAML map that starts with \"schema_version: 1\"", false};
    return result;
  }
  if (auto error = check_directives(text, positions)) {
    result.error = std::move(*error);
    return result;
  }
  try {
    result.root = read_tree(*storage, positions, limits);
    result.storage = std::move(storage);
  } catch (const Abort& abort) {
    result.error = abort.error;
    if (result.error->mark.offset == 0 && bom) result.error->mark = positions.at_offset(bom);
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

ScalarType plain_scalar_type(std::string_view v) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return ScalarType::null;
  if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE") {
    return ScalarType::boolean;
  }
  if (is_core_int(v)) return ScalarType::integer;
  if (is_core_float(v)) return ScalarType::floating;
  return ScalarType::string;
}

ScalarType scalar_type(const Node& node) {
  if (node.kind == Kind::null) return ScalarType::null;
  if (node.kind != Kind::scalar || node.quoted) return ScalarType::string;
  return plain_scalar_type(node.value);
}

ScalarType scalar_type(const Value& value) {
  if (value.kind == Kind::null) return ScalarType::null;
  if (value.kind != Kind::scalar || value.quoted) return ScalarType::string;
  return plain_scalar_type(value.value);
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
