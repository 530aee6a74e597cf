#include "yaml/edit.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace bbg::yaml {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// The file's bytes as lines, for placing insertions by indentation.
class Source {
 public:
  explicit Source(std::string_view original)
      : m_bom(original.substr(0, 3) == k_bom ? 3 : 0), m_body(original.substr(m_bom)), m_starts(line_starts(m_body)) {
    m_eol = m_body.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  }

  std::string_view body() const { return m_body; }
  std::string_view bom() const { return m_bom ? k_bom : std::string_view(); }
  const std::string& eol() const { return m_eol; }
  std::size_t offset(const Node& node) const { return node.mark.offset - m_bom; }
  std::size_t offset_of(std::size_t file_offset) const { return file_offset - m_bom; }
  std::size_t line_of(std::size_t offset) const {
    return static_cast<std::size_t>(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - m_starts.begin()) - 1;
  }
  std::size_t column(std::size_t offset) const { return offset - m_starts[line_of(offset)]; }
  std::size_t lines() const { return m_starts.size(); }
  std::string_view line(std::size_t i) const {
    const std::size_t start = m_starts[i];
    std::size_t end = i + 1 < m_starts.size() ? m_starts[i + 1] : m_body.size();
    while (end > start && (m_body[end - 1] == '\n' || m_body[end - 1] == '\r')) --end;
    return m_body.substr(start, end - start);
  }
  std::size_t indent(std::size_t i) const {
    const auto text = line(i);
    return std::min(text.find_first_not_of(' '), text.size());
  }
  bool is_content(std::size_t i) const {
    const auto text = line(i);
    const auto first = text.find_first_not_of(" \t");
    return first != std::string_view::npos && text[first] != '#';
  }
  // Where a new line goes after line `i`, and whether the file lacks a final line break there.
  std::size_t after_line(std::size_t i, bool& needs_eol) const {
    const std::size_t next = i + 1 < m_starts.size() ? m_starts[i + 1] : m_body.size();
    needs_eol = next == m_body.size() && (m_body.empty() || m_body.back() != '\n');
    return next;
  }

 private:
  std::size_t m_bom;
  std::string_view m_body;
  std::vector<std::size_t> m_starts;
  std::string m_eol;
};

struct Splice {
  std::size_t offset;
  std::size_t length;
  std::string text;
};

std::string apply(const Source& src, std::vector<Splice> splices) {
  std::sort(splices.begin(), splices.end(), [](const Splice& a, const Splice& b) { return a.offset > b.offset; });
  std::string body(src.body());
  for (const auto& s : splices) body.replace(s.offset, s.length, s.text);
  return std::string(src.bom()) + body;
}

// The offset in the body of the last byte of `node`: the "]" or "}" that closes a flow
// collection, the last character of a scalar (its closing quote), the end of a block
// collection's last value. The parser's end marks give it: nothing is searched for.
std::size_t last_byte(const Source& src, const Node& node) {
  return src.offset_of(std::max(node.end.offset, node.mark.offset + 1) - 1);
}

// The line of the last byte of `node`.
std::size_t last_line(const Source& src, const Node& node) { return src.line_of(last_byte(src, node)); }

// The column of the "-" that starts the sequence item `item` (on the item's line, before it).
std::optional<std::size_t> dash_column(const Source& src, const Node& item) {
  const std::size_t at = src.offset(item);
  const std::string_view line = src.line(src.line_of(at));
  const std::size_t column = src.column(at);
  const std::size_t dash = line.substr(0, column).rfind('-');
  if (dash == std::string_view::npos) return std::nullopt;
  return dash;
}

// The key's value scalar as written: its byte range in the body (inside quotes if quoted), when
// the text there is the value itself (no escapes, no folding).
std::optional<std::pair<std::size_t, std::size_t>> scalar_range(const Source& src, const Node& scalar) {
  const std::size_t at = src.offset(scalar);
  const std::size_t end = src.offset_of(scalar.end.offset);
  const std::string_view body = src.body();
  if (at >= body.size() || end > body.size() || end <= at) return std::nullopt;
  const bool quoted = body[at] == '"' || body[at] == '\'';
  const std::size_t from = quoted ? at + 1 : at;
  const std::size_t to = quoted ? end - 1 : end;
  if (to < from || body.substr(from, to - from) != scalar.value) return std::nullopt;
  return std::make_pair(from, to - from);
}

Value scalar(std::string value, bool quoted = false) {
  Value node;
  node.kind = Kind::scalar;
  node.value = std::move(value);
  node.quoted = quoted;
  return node;
}

// Indices of an activity (area, activity) with the given id.
struct Address {
  std::size_t area = 0;
  std::size_t activity = 0;
};

std::optional<Address> find_activity(const Node& root, std::string_view id) {
  const Node* areas = root.find("areas");
  if (!areas || areas->kind != Kind::sequence) return std::nullopt;
  for (std::size_t a = 0; a < areas->items.size(); ++a) {
    const Node* activities = areas->items[a].find("activities");
    if (!activities || activities->kind != Kind::sequence) continue;
    for (std::size_t i = 0; i < activities->items.size(); ++i) {
      const Node* node = activities->items[i].find("id");
      if (node && node->kind == Kind::scalar && node->value == id) return Address{a, i};
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_area(const Node& root, std::string_view id) {
  const Node* areas = root.find("areas");
  if (!areas || areas->kind != Kind::sequence) return std::nullopt;
  for (std::size_t a = 0; a < areas->items.size(); ++a) {
    const Node* node = areas->items[a].find("id");
    if (node && node->kind == Kind::scalar && node->value == id) return a;
  }
  return std::nullopt;
}

// Re-parses `text` and compares it with `expected`; the refusal message when they differ.
EditResult verified(std::string text, const Value& expected) {
  const LoadResult reloaded = load(text);
  if (reloaded.error) {
    return {"", fmt::format("the edit would leave the file unreadable ({} at line {}); nothing was written",
                            reloaded.error->message, reloaded.error->mark.line)};
  }
  if (!equivalent(*reloaded.root, expected)) {
    return {"", "the edit would change more than intended (an unusual layout bbg cannot edit safely); "
                "nothing was written: make the change by hand"};
  }
  return {std::move(text), ""};
}

// One "key: value" pair of a new map. A field with `items` is a block list under its key
// ("key:" then one "- item" line per item, `list_offset` columns right of the key); `value` is
// then unused.
struct Field {
  std::string key;
  std::string value;
  std::vector<std::string> items = {};
  std::size_t list_offset = 2;
};
using Fields = std::vector<Field>;

std::string flow_map(const Fields& fields) {
  std::string out = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", fields[i].key, fields[i].value);
  }
  return out + "}";
}

// A block sequence item: "- " at `dash`, the other keys at `keys`, each line ended by `eol`.
std::string block_item(const Fields& fields, std::size_t dash, std::size_t keys, const std::string& eol) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::size_t pad = i == 0 ? dash : keys;
    out += std::string(pad, ' ') + (i == 0 ? "-" + std::string(keys > dash ? keys - dash - 1 : 1, ' ') : "") + fields[i].key + ":";
    if (fields[i].items.empty()) {
      out += " " + fields[i].value + eol;
      continue;
    }
    out += eol;
    for (const auto& item : fields[i].items) out += std::string(keys + fields[i].list_offset, ' ') + "- " + item + eol;
  }
  return out;
}

// Appends `fields` as a new item of `seq`, in the sequence's style. `block_indent` (dash and key
// columns) turns an empty flow list "[]" under a block key into a block list.
std::optional<Splice> append_item(const Source& src, const Node& seq, const Fields& fields, const Fields& flow_fields,
                                  std::optional<std::pair<std::size_t, std::size_t>> block_indent = std::nullopt) {
  const std::string_view body = src.body();
  if (seq.flow) {
    const std::size_t open = src.offset(seq);
    const std::size_t close = last_byte(src, seq);
    if (body[close] != ']') return std::nullopt;
    std::size_t last = close;
    while (last > open + 1 && std::string_view(" \t\r\n").find(body[last - 1]) != std::string_view::npos) --last;
    if (seq.items.empty()) {
      if (block_indent) {
        // "key: []" in a block map becomes a block list under the key.
        std::size_t from = open;
        while (from > 0 && body[from - 1] == ' ') --from;
        std::string items = block_item(fields, block_indent->first, block_indent->second, src.eol());
        items.resize(items.size() - src.eol().size());  // the line keeps its own line break
        return Splice{from, close + 1 - from, src.eol() + items};
      }
      return Splice{open + 1, last - open - 1, flow_map(flow_fields)};
    }
    const bool trailing_comma = body[last - 1] == ',';
    const bool multi_line = src.line_of(open) != src.line_of(close) && !seq.items.empty() &&
                            src.line_of(src.offset(seq.items.back())) != src.line_of(open);
    std::string text;
    if (multi_line) {
      const std::size_t indent = src.column(src.offset(seq.items.back()));
      text = (trailing_comma ? "" : ",") + src.eol() + std::string(indent, ' ') + flow_map(flow_fields) +
             (trailing_comma ? "," : "");
    } else {
      text = (trailing_comma ? " " : ", ") + flow_map(flow_fields);
    }
    return Splice{last, 0, text};
  }
  if (seq.items.empty()) return std::nullopt;
  const Node& last_item = seq.items.back();
  const auto dash = dash_column(src, last_item);
  if (!dash) return std::nullopt;
  const std::size_t end_line = last_line(src, seq);
  bool needs_eol = false;
  const std::size_t at = src.after_line(end_line, needs_eol);
  std::string text;
  if (last_item.flow) {
    const std::size_t gap = src.column(src.offset(last_item)) - *dash;
    text = std::string(*dash, ' ') + "-" + std::string(std::max<std::size_t>(gap, 2) - 1, ' ') + flow_map(flow_fields) + src.eol();
  } else {
    text = block_item(fields, *dash, src.column(src.offset(last_item)), src.eol());
  }
  // Items separated by blank lines get one before the new item too.
  const std::size_t first_line = src.line_of(src.offset(last_item));
  const bool spaced = seq.items.size() > 1 && first_line > 0 && src.line(first_line - 1).find_first_not_of(" \t") == std::string_view::npos;
  return Splice{at, 0, (needs_eol ? src.eol() : "") + (spaced ? src.eol() : "") + text};
}

}  // namespace

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when a plain scalar `v` would not read back as the string `v` in a YAML 1.1 reader
// (PyYAML, libyaml, older tools in the plan's life): its booleans, nulls, numbers with "_",
// sexagesimal "1:20", binary "0b1", ".inf", and dates. YAML 1.2's core schema is a subset.
bool yaml_1_1_special(std::string_view v) {
  static constexpr std::string_view k_words[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
                                                 "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE",
                                                 "false", "False", "FALSE", "null", "Null", "NULL", "~", "="};
  if (std::find(std::begin(k_words), std::end(k_words), v) != std::end(k_words)) return true;
  std::string_view rest = v;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) rest.remove_prefix(1);
  if (rest.empty()) return false;
  if (rest[0] == '.') return true;  // .inf, .nan, .5
  if (!is_digit(rest[0])) return false;
  // A date, maybe with a time after it: 2021-06-16, 2021-6-1 12:00.
  std::size_t i = 0;
  while (i < v.size() && is_digit(v[i])) ++i;
  if (i == 4 && i < v.size() && v[i] == '-') {
    std::size_t j = i + 1, month = 0, day = 0;
    while (j < v.size() && is_digit(v[j])) ++j, ++month;
    if (month >= 1 && month <= 2 && j < v.size() && v[j] == '-') {
      ++j;
      while (j < v.size() && is_digit(v[j])) ++j, ++day;
      if (day >= 1 && day <= 2) return true;
    }
  }
  // Numbers in any of 1.1's forms: 1_000, 0b101, 0x1F, 017, 1:20:30, 1.5e+3.
  return std::all_of(v.begin(), v.end(), [](char c) {
    return is_digit(c) || std::string_view("_.:eE+-xXoObBabcdfABCDF").find(c) != std::string_view::npos;
  });
}

// The characters YAML 1.1 readers take for line breaks (NEL, LS, PS) and the byte order mark:
// always escaped.
bool has_special_character(std::string_view v) {
  for (const std::string_view c : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (v.find(c) != std::string_view::npos) return true;
  }
  return false;
}

bool plain_is_safe(std::string_view value, Context context) {
  if (value.empty()) return false;
  for (const char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;  // tabs and line breaks too
  }
  if (has_special_character(value)) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@` ").find(value.front()) != std::string_view::npos) return false;
  if (value.back() == ' ' || value.back() == ':') return false;
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) return false;
  if (context == Context::flow && value.find_first_of(",[]{}") != std::string_view::npos) return false;
  if (plain_scalar_type(value) != ScalarType::string) return false;
  return !yaml_1_1_special(value);
}

std::string double_quoted(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const std::string_view rest = value.substr(i);
    if (rest.substr(0, 2) == "\xC2\x85") {
      out += "\\N";
      ++i;
      continue;
    }
    if (rest.substr(0, 3) == "\xE2\x80\xA8" || rest.substr(0, 3) == "\xE2\x80\xA9" || rest.substr(0, 3) == "\xEF\xBB\xBF") {
      out += rest[2] == '\xA8' ? "\\L" : rest[2] == '\xA9' ? "\\P" : "\\uFEFF";
      i += 2;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (const char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string yaml_string(std::string_view value, Context context, Quote quote) {
  if (quote == Quote::as_needed) return plain_is_safe(value, context) ? std::string(value) : double_quoted(value);
  // Single quotes hold neither escapes nor, in one line, line breaks.
  const bool single_ok = std::none_of(value.begin(), value.end(), [](char c) {
                           return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
                         }) && !has_special_character(value);
  return quote == Quote::single && single_ok ? single_quoted(value) : double_quoted(value);
}

bool equivalent(const Node& a, const Value& b) {
  if (a.kind != b.kind) {
    // An empty value and a plain "null"-like scalar read the same.
    return scalar_type(a) == ScalarType::null && scalar_type(b) == ScalarType::null;
  }
  switch (a.kind) {
    case Kind::null: return true;
    case Kind::scalar: return a.value == b.value && scalar_type(a) == scalar_type(b);
    case Kind::sequence:
      return a.items.size() == b.items.size() &&
             std::equal(a.items.begin(), a.items.end(), b.items.begin(), [](const Node& x, const Value& y) { return equivalent(x, y); });
    case Kind::map:
      return a.entries.size() == b.entries.size() &&
             std::equal(a.entries.begin(), a.entries.end(), b.entries.begin(), [](const auto& x, const auto& y) {
               return x.first.value == y.first.value && equivalent(x.second, y.second);
             });
  }
  return false;
}

EditResult append_update(std::string_view text, const Node& root, std::string_view activity_id, const NewUpdate& update) {
  const Source src(text);
  const auto address = find_activity(root, activity_id);
  if (!address) return {"", fmt::format("no activity \"{}\" in this file", activity_id)};
  const Node& activity = root.find("areas")->items[address->area].find("activities")->items[address->activity];
  const Node* status = activity.find("status");
  if (!status || status->kind != Kind::scalar) return {"", "the activity has no status to set; add \"status:\" by hand first"};
  const Node* updates = activity.find("updates");
  const bool empty_key = updates && updates->kind == Kind::null;  // "updates:" with nothing after it
  if (empty_key) updates = nullptr;
  if (updates && updates->kind != Kind::sequence) return {"", "the activity's updates is not a list; fix it by hand first"};

  // Keys in the order the last update uses, then the rest in SPEC order.
  std::vector<std::string> order;
  if (updates && !updates->items.empty() && updates->items.back().kind == Kind::map) {
    for (const auto& [k, v] : updates->items.back().entries) order.emplace_back(k.value);
  }
  for (const char* key : {"date", "status", "round", "note", "by"}) {
    if (std::find(order.begin(), order.end(), key) == order.end()) order.emplace_back(key);
  }
  Fields block, flow;
  Value expected_update;
  expected_update.kind = Kind::map;
  for (const auto& key : order) {
    std::string value = key == "date"     ? update.date
                        : key == "status" ? update.status
                        : key == "round"  ? update.round
                        : key == "note"   ? update.note
                        : key == "by"     ? update.by
                                          : "";
    if (value.empty()) continue;
    const bool plain_key = key == "date" || key == "status" || key == "round";
    block.push_back(Field{key, plain_key ? value : yaml_string(value)});
    flow.push_back(Field{key, plain_key ? value : yaml_string(value, Context::flow)});
    expected_update.entries.emplace_back(scalar(key), scalar(value, !plain_key));
  }

  std::vector<Splice> splices;
  const auto range = scalar_range(src, *status);
  if (!range) return {"", "the activity's status is written in a way bbg cannot edit safely; change it by hand"};
  splices.push_back(Splice{range->first, range->second, update.activity_status.empty() ? update.status : update.activity_status});

  if (updates && (updates->flow || !updates->items.empty())) {
    auto splice = append_item(src, *updates, block, flow);
    if (!splice) return {"", "the activity's updates are laid out in a way bbg cannot edit safely; add the update by hand"};
    splices.push_back(*splice);
  } else if (activity.flow) {
    const std::size_t close = last_byte(src, activity);
    if (src.body()[close] != '}') return {"", "cannot find the end of the activity"};
    std::size_t last = close;
    while (last > 0 && std::string_view(" \t\r\n").find(src.body()[last - 1]) != std::string_view::npos) --last;
    splices.push_back(Splice{last, 0, ", updates: [" + flow_map(flow) + "]"});
  } else {
    // A new "updates:" key after the activity's last line, in block style, indented the way
    // the file indents its lists.
    const std::size_t keys = src.column(src.offset(activity));
    const auto activity_dash = dash_column(src, activity);
    const Node* activities = root.find("areas")->items[address->area].find("activities");
    const Node* activities_key = root.find("areas")->items[address->area].find_key("activities");
    const std::size_t list_offset = activity_dash && activities_key && !activities->flow
                                        ? *activity_dash - std::min(*activity_dash, src.column(src.offset(*activities_key)))
                                        : 2;
    const std::size_t item_gap = activity_dash ? keys - *activity_dash : 2;
    const std::size_t end_line = last_line(src, activity);
    bool needs_eol = false;
    const std::size_t at = src.after_line(end_line, needs_eol);
    std::string lines = (needs_eol ? src.eol() : "") + std::string(keys, ' ');
    if (empty_key) {
      // "updates:" is there with no value: put the list under it.
      const Node* key = activity.find_key("updates");
      const std::size_t key_line = src.line_of(src.offset(*key));
      if (key_line != end_line) return {"", "the activity's empty updates key is not on its last line; add the update by hand"};
      lines = needs_eol ? src.eol() : "";
    } else {
      lines += "updates:" + src.eol();
    }
    lines += block_item(block, keys + list_offset, keys + list_offset + item_gap, src.eol());
    splices.push_back(Splice{at, 0, lines});
  }

  Value expected = value_of(root);
  Value& target = expected.child("areas")->items[address->area];
  Value& expected_activity = target.child("activities")->items[address->activity];
  expected_activity.child("status")->value = update.activity_status.empty() ? update.status : update.activity_status;
  if (Value* list = expected_activity.child("updates"); list && list->kind == Kind::sequence) {
    list->items.push_back(expected_update);
  } else if (list) {
    list->kind = Kind::sequence;
    list->items = {expected_update};
  } else {
    Value seq;
    seq.kind = Kind::sequence;
    seq.items.push_back(expected_update);
    expected_activity.entries.emplace_back(scalar("updates"), seq);
  }
  return verified(apply(src, splices), expected);
}

namespace {

// How a neighbour's scalar is quoted, to quote a new one the same way: "…", '…' or as needed.
Quote quote_of(const Source& src, const Node* scalar) {
  if (!scalar || scalar->kind != Kind::scalar) return Quote::as_needed;
  const char c = src.body()[src.offset(*scalar)];
  return c == '"' ? Quote::double_ : c == '\'' ? Quote::single : Quote::as_needed;
}

// Ids are text: quoted the way the neighbour's id is (double quotes unless it uses single ones).
Quote id_quote(const Source& src, const Node* neighbour_id) {
  return quote_of(src, neighbour_id) == Quote::single ? Quote::single : Quote::double_;
}

// The nearest activity before the end of area `area_index` that has `key`: the last one in
// that area, else the last one in the areas before it, else after it. Its entry (key and
// value), or nullptr when none has.
const Entry* neighbour_with(const Node& root, std::size_t area_index, std::string_view key) {
  const Node* areas = root.find("areas");
  const auto search = [&](std::size_t a) -> const Entry* {
    const Node* activities = areas->items[a].find("activities");
    if (!activities || activities->kind != Kind::sequence) return nullptr;
    for (std::size_t i = activities->items.size(); i-- > 0;) {
      for (const auto& entry : activities->items[i].entries) {
        if (entry.first.value == key) return &entry;
      }
    }
    return nullptr;
  };
  for (std::size_t a = area_index + 1; a-- > 0;) {
    if (const Entry* found = search(a)) return found;
  }
  for (std::size_t a = area_index + 1; a < areas->items.size(); ++a) {
    if (const Entry* found = search(a)) return found;
  }
  return nullptr;
}

// The value of a neighbour's `key`, or nullptr.
const Node* neighbour_value(const Node& root, std::size_t area_index, std::string_view key) {
  const Entry* entry = neighbour_with(root, area_index, key);
  return entry ? &entry->second : nullptr;
}

}  // namespace

EditResult add_activity(std::string_view text, const Node& root, std::string_view area_id, const NewActivity& activity) {
  const Source src(text);
  const auto area_index = find_area(root, area_id);
  if (!area_index) return {"", fmt::format("no area \"{}\" in this plan", area_id)};
  const Node& area = root.find("areas")->items[*area_index];
  const Node* activities = area.find("activities");
  if (!activities || activities->kind != Kind::sequence) return {"", "the area has no activities list; add \"activities: []\" by hand first"};

  // The new activity is written the way its neighbours are: ids, titles, owners and follow-up
  // quoted as the nearest activity that has them quotes them, owners a block list when theirs is.
  const Quote id_style = id_quote(src, neighbour_value(root, *area_index, "id"));
  const Quote title_style = quote_of(src, neighbour_value(root, *area_index, "title"));
  const Quote follow_up_style = quote_of(src, neighbour_value(root, *area_index, "follow_up"));
  const Entry* owners_entry = neighbour_with(root, *area_index, "owners");
  const Node* owners_neighbour = owners_entry ? &owners_entry->second : nullptr;
  // With no neighbour to copy, a block list, as the bundled plans write owners.
  Quote owner_style = Quote::as_needed;
  bool owners_block = true;
  std::size_t owners_offset = 2;
  if (owners_neighbour && owners_neighbour->kind == Kind::sequence && !owners_neighbour->items.empty()) {
    owner_style = quote_of(src, &owners_neighbour->items.front());
    owners_block = false;
    if (!owners_neighbour->flow) {
      const std::size_t key = src.column(src.offset(owners_entry->first));
      const auto dash = dash_column(src, owners_neighbour->items.front());
      if (dash && *dash >= key) {
        owners_block = true;
        owners_offset = *dash - key;
      }
    }
  }

  const std::string id = yaml_string(activity.id, Context::block, id_style);
  Fields fields{{"id", id}, {"title", yaml_string(activity.title, Context::block, title_style)}};
  Fields flow{{"id", id}, {"title", yaml_string(activity.title, Context::flow, title_style)}};
  Value expected_activity;
  expected_activity.kind = Kind::map;
  expected_activity.entries.emplace_back(scalar("id"), scalar(activity.id, true));
  expected_activity.entries.emplace_back(scalar("title"), scalar(activity.title, true));
  if (!activity.owners.empty()) {
    std::string in_flow = "[";
    std::vector<std::string> in_block;
    Value owners;
    owners.kind = Kind::sequence;
    for (std::size_t i = 0; i < activity.owners.size(); ++i) {
      in_flow += (i ? ", " : "") + yaml_string(activity.owners[i], Context::flow, owner_style);
      in_block.push_back(yaml_string(activity.owners[i], Context::block, owner_style));
      owners.items.push_back(scalar(activity.owners[i], true));
    }
    in_flow += "]";
    if (owners_block) {
      fields.push_back(Field{"owners", "", in_block, owners_offset});
    } else {
      fields.push_back(Field{"owners", in_flow});
    }
    flow.push_back(Field{"owners", in_flow});
    expected_activity.entries.emplace_back(scalar("owners"), owners);
  }
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"start", activity.start}, {"due", activity.due}}) {
    if (value.empty()) continue;
    fields.push_back(Field{key, value});
    flow.push_back(Field{key, value});
    expected_activity.entries.emplace_back(scalar(key), scalar(value));
  }
  if (!activity.follow_up.empty()) {
    fields.push_back(Field{"follow_up", yaml_string(activity.follow_up, Context::block, follow_up_style)});
    flow.push_back(Field{"follow_up", yaml_string(activity.follow_up, Context::flow, follow_up_style)});
    expected_activity.entries.emplace_back(scalar("follow_up"), scalar(activity.follow_up, true));
  }
  fields.push_back(Field{"status", activity.status});
  flow.push_back(Field{"status", activity.status});
  expected_activity.entries.emplace_back(scalar("status"), scalar(activity.status));

  // For "activities: []" in a block-style area: indent a new block list the way the file
  // indents its lists of areas (list offset under the key, and key offset after the dash).
  std::optional<std::pair<std::size_t, std::size_t>> block_indent;
  const Node* areas_key = root.find_key("areas");
  const Node* areas = root.find("areas");
  const Node* activities_key = area.find_key("activities");
  if (activities->items.empty() && !area.flow && activities_key && areas_key && !areas->flow) {
    const auto area_dash = dash_column(src, area);
    if (area_dash) {
      const std::size_t list_offset = *area_dash - std::min(*area_dash, src.column(src.offset(*areas_key)));
      const std::size_t gap = src.column(src.offset(area)) - *area_dash;
      const std::size_t key = src.column(src.offset(*activities_key));
      block_indent = std::make_pair(key + list_offset, key + list_offset + gap);
    }
  }
  std::vector<Splice> splices;
  if (!activities->items.empty() || activities->flow) {
    auto splice = append_item(src, *activities, fields, flow, block_indent);
    if (!splice) return {"", "the area's activities are laid out in a way bbg cannot edit safely; add the activity by hand"};
    splices.push_back(*splice);
  } else {
    return {"", "the area's activities list is empty and not written as []; add the activity by hand"};
  }
  Value expected = value_of(root);
  expected.child("areas")->items[*area_index].child("activities")->items.push_back(expected_activity);
  return verified(apply(src, splices), expected);
}

EditResult add_area(std::string_view text, const Node& root, const NewArea& area) {
  const Source src(text);
  const Node* areas = root.find("areas");
  if (!areas || areas->kind != Kind::sequence) return {"", "the plan has no areas list; add \"areas: []\" by hand first"};
  const Node* last = areas->items.empty() ? nullptr : &areas->items.back();
  const std::string id = yaml_string(area.id, Context::block, id_quote(src, last ? last->find("id") : nullptr));
  const Quote title_style = quote_of(src, last ? last->find("title") : nullptr);
  const Fields fields{{"id", id}, {"title", yaml_string(area.title, Context::block, title_style)}, {"activities", "[]"}};
  const Fields flow{{"id", id}, {"title", yaml_string(area.title, Context::flow, title_style)}, {"activities", "[]"}};
  // "areas: []" under a block map (a new plan's) becomes a block list: "- " two columns in
  // from the key, the area's keys two after the dash, as the bundled plans write them.
  std::optional<std::pair<std::size_t, std::size_t>> block_indent;
  if (const Node* key = root.find_key("areas"); key && areas->items.empty() && areas->flow && !root.flow) {
    const std::size_t column = src.column(src.offset(*key));
    block_indent = std::make_pair(column + 2, column + 4);
  }
  auto splice = append_item(src, *areas, fields, flow, block_indent);
  if (!splice) {
    if (!areas->items.empty() || areas->flow) {
      return {"", "the plan's areas are laid out in a way bbg cannot edit safely; add the area by hand"};
    }
    return {"", "the plan's areas list is empty and not written as []; add the area by hand"};
  }
  Value expected_area;
  expected_area.kind = Kind::map;
  expected_area.entries.emplace_back(scalar("id"), scalar(area.id, true));
  expected_area.entries.emplace_back(scalar("title"), scalar(area.title, true));
  Value empty;
  empty.kind = Kind::sequence;
  expected_area.entries.emplace_back(scalar("activities"), empty);
  Value expected = value_of(root);
  expected.child("areas")->items.push_back(expected_area);
  return verified(apply(src, {*splice}), expected);
}

}  // namespace bbg::yaml
