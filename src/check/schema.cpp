#include "check/schema.hpp"

#include <functional>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "check/embedded.hpp"
#include "check/pattern.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "yaml/plan_reader.hpp"

namespace bbg::check {
namespace {

using nlohmann::json;

json to_json(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::null: return nullptr;
    case yaml::Kind::sequence: {
      json array = json::array();
      for (const auto& item : node.items) array.push_back(to_json(item));
      return array;
    }
    case yaml::Kind::map: {
      json object = json::object();
      for (const auto& [key, value] : node.entries) object.emplace(key.value, to_json(value));
      return object;
    }
    case yaml::Kind::scalar: break;
  }
  switch (yaml::scalar_type(node)) {
    case yaml::ScalarType::null: return nullptr;
    case yaml::ScalarType::boolean: return node.value[0] == 't' || node.value[0] == 'T';
    case yaml::ScalarType::integer: {
      if (const auto value = yaml::integer_value(node)) return *value;
      // Too large for any integer type: still a number, the largest one, so that the schema says
      // "a number is not allowed here" or "too large" rather than anything about text.
      const bool negative = node.value[0] == '-';
      return negative ? -std::numeric_limits<double>::max() : std::numeric_limits<double>::max();
    }
    case yaml::ScalarType::floating: {
      try {
        return std::stod(std::string(node.value));
      } catch (const std::exception&) {
        return node.value;  // .inf, .nan and overflowing floats have no JSON form; a string fails the same checks
      }
    }
    case yaml::ScalarType::string: break;
  }
  return node.value;
}

// The schema node that describes the value at `segments`, following properties, items and
// local $refs; nullptr when the schema does not describe it.
// `s` with local $refs followed; nullptr for a reference outside the schema.
const json* resolve(const json& root, const json* s) {
  for (int hops = 0; s && s->is_object() && s->contains("$ref") && hops < 16; ++hops) {
    const std::string ref = (*s)["$ref"].get<std::string>();
    if (ref.rfind("#/", 0) != 0) return nullptr;
    s = &root.at(json::json_pointer(ref.substr(1)));
  }
  return s;
}

const json* schema_at(const json& root, const std::vector<std::string>& segments) {
  const auto resolve = [&](const json* s) { return check::resolve(root, s); };
  const json* s = resolve(&root);
  for (const auto& segment : segments) {
    if (!s || !s->is_object()) return nullptr;
    if (s->contains("properties") && (*s)["properties"].contains(segment)) {
      s = resolve(&(*s)["properties"][segment]);
    } else if (s->contains("items")) {
      s = resolve(&(*s)["items"]);
    } else {
      return nullptr;
    }
  }
  return s;
}

std::string describe(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::null: return "an empty value";
    case yaml::Kind::sequence: return "a list";
    case yaml::Kind::map: return "a map";
    case yaml::Kind::scalar: break;
  }
  const std::string value = util::quote_value(node.value);
  switch (yaml::scalar_type(node)) {
    case yaml::ScalarType::null: return "an empty value";
    case yaml::ScalarType::boolean: return fmt::format("the boolean {}", node.value);
    case yaml::ScalarType::integer:
    case yaml::ScalarType::floating:
      return fmt::format("the number {}", util::truncate_to_width(util::escape_for_display(node.value), 40));
    case yaml::ScalarType::string: break;
  }
  return node.quoted ? fmt::format("the quoted text {}", value) : fmt::format("the text {}", value);
}

std::string expected_types(const json& schema) {
  static const std::map<std::string, std::string> k_names = {
      {"string", "text"}, {"integer", "a whole number"}, {"number", "a number"},
      {"boolean", "true or false"}, {"array", "a list"}, {"object", "a map"}, {"null", "an empty value"}};
  std::vector<std::string> names;
  const json& type = schema.contains("type") ? schema["type"] : json();
  for (const json& t : type.is_array() ? type : json::array({type})) {
    if (t.is_string() && k_names.count(t.get<std::string>())) names.push_back(k_names.at(t.get<std::string>()));
  }
  return names.empty() ? "another type" : util::join(names, " or ");
}

std::string type_message(const yaml::Node& node, const json* schema, const std::string& key) {
  std::string message = fmt::format("{}: {} is not allowed here; expected {}", key, describe(node),
                                    schema ? expected_types(*schema) : "another type");
  const auto type = yaml::scalar_type(node);
  if (schema && schema->contains("type")) {
    const std::string t = (*schema)["type"].is_string() ? (*schema)["type"].get<std::string>() : "";
    if (node.quoted && (t == "integer" || t == "number") && json::parse(node.value, nullptr, false).is_number()) {
      message += "; remove the quotes";
    } else if (t == "string" && node.kind == yaml::Kind::scalar &&
               (type == yaml::ScalarType::integer || type == yaml::ScalarType::floating ||
                type == yaml::ScalarType::boolean)) {
      message += node.value.size() <= 40 ? fmt::format("; write it in quotes (\"{}\") to make it text", node.value)
                                         : std::string("; write it in quotes to make it text");
    }
  }
  return message;
}

std::vector<std::string> enum_values(const json& schema) {
  std::vector<std::string> values;
  if (schema.contains("enum")) {
    for (const json& v : schema["enum"]) values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  }
  return values;
}

// Values whose scalars the semantic rules check with better messages (due-format, date-format,
// schema-version).
bool left_to_rules(const std::string& pointer) {
  static const std::regex k_pattern(
      R"(/schema_version|/areas/\d+/activities/\d+/(due|start)|/period/(start|end)|/adopted/date|/review_by|/revisions/\d+|/areas/\d+/activities/\d+/updates/\d+/date)");
  return std::regex_match(pointer, k_pattern);
}

struct Located {
  const yaml::Node* node = nullptr;
  const yaml::Node* key = nullptr;  // the key node when the last step was a map key
  std::string pointer;
  std::vector<std::string> segments;
};

// Follows valijson's context (["<root>", "[areas]", "[0]", ...]) through the YAML tree.
Located locate(const yaml::Node& root, const std::vector<std::string>& context) {
  Located at{&root, nullptr, "", {}};
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string segment = part;
    if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
      segment = segment.substr(1, segment.size() - 2);
    }
    at.segments.push_back(segment);
    at.pointer = yaml::pointer_append(at.pointer, segment);
    if (!at.node) continue;
    if (at.node->kind == yaml::Kind::map) {
      at.key = at.node->find_key(segment);
      at.node = at.node->find(segment);
    } else if (at.node->kind == yaml::Kind::sequence) {
      std::size_t index = 0;
      try {
        index = std::stoul(segment);
      } catch (const std::exception&) {
        index = at.node->items.size();
      }
      at.key = nullptr;
      at.node = index < at.node->items.size() ? &at.node->items[index] : nullptr;
    } else {
      at.node = nullptr;
    }
  }
  return at;
}

// How a message names the value: its key, or "key[i]" for an item of a list.
std::string field_name(const std::vector<std::string>& segments, const yaml::Node& root) {
  if (segments.empty()) return "the file";
  const yaml::Node* node = &root;
  std::string name;
  for (const auto& segment : segments) {
    if (node && node->kind == yaml::Kind::sequence) {
      name += "[" + segment + "]";
      std::size_t index = node->items.size();
      try {
        index = std::stoul(segment);
      } catch (const std::exception&) {
      }
      node = index < node->items.size() ? &node->items[index] : nullptr;
    } else {
      name = segment;
      node = node && node->kind == yaml::Kind::map ? node->find(segment) : nullptr;
    }
  }
  return name;
}

model::Diagnostic make(const std::string& file, const yaml::Mark& mark, std::string pointer, std::string message) {
  model::Diagnostic d;
  d.severity = model::Severity::error;
  d.location = {file, mark.line, mark.column};
  d.code = "schema";
  d.path = std::move(pointer);
  d.message = std::move(message);
  return d;
}


// Removes every "uniqueItems": bool from a schema (check_unique does that work instead).
void drop_unique_items(json& schema) {
  if (schema.is_object()) {
    if (const auto it = schema.find("uniqueItems"); it != schema.end() && it->is_boolean()) schema.erase(it);
  }
  if (schema.is_object() || schema.is_array()) {
    for (auto& child : schema) drop_unique_items(child);
  }
}

// What makes two list items the same value, as JSON Schema compares them (0x0A equals 10).
// Equal for two values exactly when their JSON texts are equal: a text is its own value behind
// a mark no JSON text starts with (building and printing the JSON of every owner's name was
// most of the time the uniqueItems check took).
std::string identity(const yaml::Node& node) {
  if (node.kind == yaml::Kind::scalar && yaml::scalar_type(node) == yaml::ScalarType::string) {
    std::string id;
    id.reserve(node.value.size() + 1);
    id += '\x01';
    id += node.value;
    return id;
  }
  return to_json(node).dump();
}

// uniqueItems, checked by bbg in one pass per list: valijson compares every pair and reports
// every pair that is equal, so a list of 1,000 equal values cost 420 MB and printed half a
// million errors. The schema is reduced once to the paths that lead to such lists.
struct UniqueRule {
  bool unique = false;                                          // this value is a list with uniqueItems
  std::vector<std::pair<std::string, std::size_t>> properties;  // keys under which such a list lies
  std::optional<std::size_t> items;                             // the same for the items of a list
};

class UniqueRules {
 public:
  explicit UniqueRules(const json& schema) : m_root(schema) {
    m_rules.emplace_back();
    if (!compile(&schema, 0, 0)) m_rules.clear();
  }

  // Reports each value that comes back in a uniqueItems list once, where it first comes back.
  void check(const yaml::Node& root,
             const std::function<void(const yaml::Node&, const std::vector<std::string>&, std::string)>& add) const {
    if (m_rules.empty()) return;
    std::vector<std::string> segments;
    walk(0, root, segments, add);
  }

 private:
  // Fills m_rules[at] from `schema`; false when no uniqueItems list lies at or below it.
  bool compile(const json* schema, std::size_t at, int depth) {
    schema = resolve(m_root, schema);
    if (!schema || !schema->is_object() || depth > 64) return false;
    bool any = false;
    if (const auto unique = schema->find("uniqueItems"); unique != schema->end() && unique->is_boolean() && unique->get<bool>()) {
      m_rules[at].unique = any = true;
    }
    const auto child = [&](const json& sub) -> std::optional<std::size_t> {
      const std::size_t index = m_rules.size();
      m_rules.emplace_back();
      if (compile(&sub, index, depth + 1)) return index;
      m_rules.resize(index);
      return std::nullopt;
    };
    if (const auto properties = schema->find("properties"); properties != schema->end() && properties->is_object()) {
      for (const auto& [name, sub] : properties->items()) {
        if (const auto index = child(sub)) {
          m_rules[at].properties.emplace_back(name, *index);
          any = true;
        }
      }
    }
    if (const auto items = schema->find("items"); items != schema->end() && items->is_object()) {
      if (const auto index = child(*items)) {
        m_rules[at].items = index;
        any = true;
      }
    }
    return any;
  }

  void walk(std::size_t at, const yaml::Node& node, std::vector<std::string>& segments,
            const std::function<void(const yaml::Node&, const std::vector<std::string>&, std::string)>& add) const {
    const UniqueRule& rule = m_rules[at];
    if (node.kind == yaml::Kind::map) {
      for (const auto& [name, index] : rule.properties) {
        if (const yaml::Node* value = node.find(name)) {
          segments.push_back(name);
          walk(index, *value, segments, add);
          segments.pop_back();
        }
      }
      return;
    }
    if (node.kind != yaml::Kind::sequence) return;
    if (rule.unique && node.items.size() > 1) {
      const auto report = [&](std::size_t i, std::size_t first) {
        segments.push_back(std::to_string(i));
        add(node.items[i], segments, fmt::format("{} is already in the list as item {}; list each value once",
                                                 describe(node.items[i]), first));
        segments.pop_back();
      };
      constexpr std::size_t k_short = 32;  // a plan's lists: comparing each pair beats a map
      if (node.items.size() <= k_short) {
        std::vector<std::string> ids;
        ids.reserve(node.items.size());
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          ids.push_back(identity(node.items[i]));
          const auto first = std::find(ids.begin(), ids.end() - 1, ids.back());
          // Reported where it first comes back: no other copy between the first and this one.
          if (first != ids.end() - 1 && std::find(first + 1, ids.end() - 1, ids.back()) == ids.end() - 1) {
            report(i, static_cast<std::size_t>(first - ids.begin()));
          }
        }
      } else {
        std::map<std::string, std::size_t> first;
        std::set<std::string> reported;
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          std::string id = identity(node.items[i]);
          const auto [it, added] = first.emplace(id, i);
          if (added || !reported.insert(std::move(id)).second) continue;
          report(i, it->second);
        }
      }
    }
    if (rule.items) {
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        segments.push_back(std::to_string(i));
        walk(*rule.items, node.items[i], segments, add);
        segments.pop_back();
      }
    }
  }

  const json& m_root;
  std::vector<UniqueRule> m_rules;
};

// Whether a tree is valid against the compiled schema, decided fast: the schema's keywords as a
// small tree of constraints, walked once over the YAML tree with YAML 1.2 core typing (as
// to_json types it). It answers only "valid"; for any file it does not call valid, valijson
// validates and says what is wrong. It understands exactly the keywords listed in k_keywords:
// a schema with any other keyword is not compiled (valijson then decides every file), so none
// is ever ignored. tests/unit/test_check_schema.cpp and fuzz/fuzz_schema.cpp hold its verdict to
// valijson's.
class Verdict {
 public:
  // nullopt when the schema uses a keyword this checker does not know.
  static std::optional<Verdict> compile(const json& schema) {
    Verdict v;
    v.m_root = &schema;
    v.m_nodes.emplace_back();
    if (!v.build(&schema, 0, 0)) return std::nullopt;
    return v;
  }

  bool valid(const yaml::Node& root) const { return valid_at(0, root); }

 private:
  enum Type : unsigned { t_null = 1, t_boolean = 2, t_integer = 4, t_number = 8, t_string = 16, t_array = 32, t_object = 64 };

  struct Property {
    std::string name;
    std::size_t node;
  };
  struct Constraint {
    unsigned types = ~0u;  // allowed JSON types; integer implies number's checks too
    std::vector<json> enumeration;
    bool has_enum = false;
    std::optional<std::size_t> min_length, max_length, min_items;
    std::optional<double> minimum, maximum;
    std::optional<std::size_t> pattern;  // index into m_patterns
    std::vector<std::string> required;
    std::vector<Property> properties;
    bool closed = false;  // additionalProperties: false
    std::optional<std::size_t> items;
  };

  static constexpr std::string_view k_keywords[] = {
      "$schema", "$id", "$ref", "definitions", "title", "description", "type", "enum", "minLength", "maxLength",
      "minItems", "minimum", "maximum", "pattern", "required", "properties", "additionalProperties", "items"};

  bool build(const json* schema, std::size_t at, int depth) {
    for (int hops = 0; schema && schema->is_object() && schema->contains("$ref"); ++hops) {
      // Draft-07 ignores a $ref's siblings; only notes (title, description) may stand beside one.
      for (const auto& [key, _] : schema->items()) {
        if (key != "$ref" && key != "title" && key != "description") return false;
      }
      if (hops > 16) return false;
      schema = resolve(*m_root, schema);
    }
    if (!schema || !schema->is_object() || depth > 64) return false;
    Constraint c;
    for (const auto& [key, value] : schema->items()) {
      if (std::find(std::begin(k_keywords), std::end(k_keywords), key) == std::end(k_keywords)) return false;
      if (key == "type") {
        c.types = 0;
        for (const json& t : value.is_array() ? value : json::array({value})) {
          if (!t.is_string()) return false;
          const std::string name = t.get<std::string>();
          const unsigned bit = name == "null" ? t_null : name == "boolean" ? t_boolean : name == "integer" ? t_integer
                             : name == "number" ? (t_number | t_integer) : name == "string" ? t_string
                             : name == "array" ? t_array : name == "object" ? t_object : 0u;
          if (!bit) return false;
          c.types |= bit;
        }
      } else if (key == "enum") {
        if (!value.is_array()) return false;
        for (const json& e : value) {
          if (!(e.is_string() || e.is_null() || e.is_number_integer() || e.is_boolean())) return false;
          c.enumeration.push_back(e);
        }
        c.has_enum = true;
      } else if (key == "minLength" || key == "maxLength" || key == "minItems") {
        if (!value.is_number_unsigned()) return false;
        (key == "minLength" ? c.min_length : key == "maxLength" ? c.max_length : c.min_items) = value.get<std::size_t>();
      } else if (key == "minimum" || key == "maximum") {
        if (!value.is_number()) return false;
        (key == "minimum" ? c.minimum : c.maximum) = value.get<double>();
      } else if (key == "pattern") {
        if (!value.is_string()) return false;
        c.pattern = m_patterns.size();
        m_patterns.emplace_back(value.get<std::string>());
        m_fast_patterns.push_back(Pattern::compile(m_patterns.back()));
      } else if (key == "required") {
        if (!value.is_array()) return false;
        for (const json& r : value) {
          if (!r.is_string()) return false;
          c.required.push_back(r.get<std::string>());
        }
      } else if (key == "additionalProperties") {
        if (!value.is_boolean()) return false;
        c.closed = !value.get<bool>();
      } else if (key == "properties") {
        if (!value.is_object()) return false;
        for (const auto& [name, sub] : value.items()) {
          const std::size_t index = m_nodes.size();
          m_nodes.emplace_back();
          if (!build(&sub, index, depth + 1)) return false;
          c.properties.push_back(Property{name, index});
        }
      } else if (key == "items") {
        if (!value.is_object()) return false;
        const std::size_t index = m_nodes.size();
        m_nodes.emplace_back();
        if (!build(&value, index, depth + 1)) return false;
        c.items = index;
      }
    }
    m_nodes[at] = std::move(c);
    return true;
  }

  // The JSON type of a node, as to_json types it.
  static unsigned type_of(const yaml::Node& node) {
    switch (node.kind) {
      case yaml::Kind::null: return t_null;
      case yaml::Kind::sequence: return t_array;
      case yaml::Kind::map: return t_object;
      case yaml::Kind::scalar: break;
    }
    switch (yaml::scalar_type(node)) {
      case yaml::ScalarType::null: return t_null;
      case yaml::ScalarType::boolean: return t_boolean;
      case yaml::ScalarType::integer: return yaml::integer_value(node) ? t_integer : t_number;
      case yaml::ScalarType::floating: return t_number;
      case yaml::ScalarType::string: return t_string;
    }
    return t_string;
  }

  bool valid_at(std::size_t at, const yaml::Node& node) const {
    const Constraint& c = m_nodes[at];
    const unsigned type = type_of(node);
    // Anything the checker does not model exactly goes to valijson: numbers that are not
    // integers (floats, .inf, huge integers) wherever a schema looks at numbers.
    if (type == t_number) return false;
    if (!(c.types & type)) return false;
    if (c.has_enum) {
      bool found = false;
      for (const json& e : c.enumeration) {
        if (type == t_null && e.is_null()) found = true;
        if (type == t_string && e.is_string() && e.get_ref<const std::string&>() == node.value) found = true;
        if (type == t_integer && e.is_number_integer() && e.get<long long>() == *yaml::integer_value(node)) found = true;
        if (type == t_boolean && e.is_boolean() && e.get<bool>() == (node.value[0] == 't' || node.value[0] == 'T')) found = true;
        if (found) break;
      }
      if (!found) return false;
    }
    if (type == t_string) {
      if (c.min_length || c.max_length) {
        const std::size_t length = util::count_code_points(node.value);
        if (c.min_length && length < *c.min_length) return false;
        if (c.max_length && length > *c.max_length) return false;
      }
      if (c.pattern && !matches(*c.pattern, node.value)) return false;
    }
    if (type == t_integer && (c.minimum || c.maximum)) {
      const auto value = static_cast<double>(*yaml::integer_value(node));
      if (c.minimum && value < *c.minimum) return false;
      if (c.maximum && value > *c.maximum) return false;
    }
    if (type == t_array) {
      if (c.min_items && node.items.size() < *c.min_items) return false;
      if (c.items) {
        for (const auto& item : node.items) {
          if (!valid_at(*c.items, item)) return false;
        }
      }
    }
    if (type == t_object) {
      for (const auto& name : c.required) {
        if (!node.find(name)) return false;
      }
      for (const auto& [key, value] : node.entries) {
        const Property* property = nullptr;
        for (const auto& p : c.properties) {
          if (p.name == key.value) {
            property = &p;
            break;
          }
        }
        if (!property) {
          if (c.closed) return false;
          continue;
        }
        if (!valid_at(property->node, value)) return false;
      }
    }
    return true;
  }

  // std::regex_search, as valijson matches "pattern": by bbg's own matcher when the pattern is
  // in its subset (check/pattern.hpp), else by std::regex, each thread remembering the answers
  // (ids such as "1.1" come back in every plan).
  bool matches(std::size_t pattern, std::string_view value) const {
    if (const std::optional<Pattern>& fast = m_fast_patterns[pattern]) return fast->matches(value);
    thread_local std::vector<std::unordered_map<std::string, bool>> memo;
    thread_local std::vector<std::unique_ptr<std::regex>> compiled;
    if (memo.size() <= pattern) {
      memo.resize(m_patterns.size());
      compiled.resize(m_patterns.size());
    }
    auto& seen = memo[pattern];
    const std::string text(value);
    if (const auto it = seen.find(text); it != seen.end()) return it->second;
    if (!compiled[pattern]) compiled[pattern] = std::make_unique<std::regex>(m_patterns[pattern]);
    const bool found = std::regex_search(text, *compiled[pattern]);
    if (seen.size() < 100'000) seen.emplace(text, found);
    return found;
  }

  const json* m_root = nullptr;
  std::vector<Constraint> m_nodes;
  std::vector<std::string> m_patterns;
  std::vector<std::optional<Pattern>> m_fast_patterns;  // one per pattern
};

}  // namespace

struct SchemaChecker::Impl {
  json schema_json;
  json compiled;  // what valijson validates against: the schema less what bbg checks itself
  valijson::Schema schema;
  std::optional<UniqueRules> unique;
  std::optional<Verdict> verdict;  // nullopt: the schema has a keyword it does not know
};

SchemaChecker::SchemaChecker() : m_text(embedded_plan_schema()) {}

SchemaChecker::SchemaChecker(std::string_view schema_text) : m_text(schema_text) {}

const SchemaChecker::Impl& SchemaChecker::impl() const {
  std::call_once(m_compiled, [this] { m_impl = compile(m_text); });
  return *m_impl;
}

std::unique_ptr<SchemaChecker::Impl> SchemaChecker::compile(std::string_view schema_text) {
  auto out = std::make_unique<Impl>();
  out->schema_json = json::parse(schema_text);
  // The patterns of dates and deadlines only ever produce errors that validate() drops (the
  // semantic rules report those values, see left_to_rules); matching them with std::regex was a
  // quarter of the validation time. Editors reading schemas/plan.schema.json still get them.
  json& compiled = out->compiled;
  compiled = out->schema_json;
  for (const char* definition : {"date", "deadline"}) {
    if (compiled.contains("definitions") && compiled["definitions"].contains(definition)) {
      compiled["definitions"][definition].erase("pattern");
    }
  }
  drop_unique_items(compiled);
  out->unique.emplace(out->schema_json);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(compiled);
  parser.populateSchema(adapter, out->schema);
  out->verdict = Verdict::compile(compiled);
  return out;
}

SchemaChecker::~SchemaChecker() = default;

bool SchemaChecker::fast_verdict_compiled() const { return impl().verdict.has_value(); }

bool SchemaChecker::fast_accepts(const yaml::Node& root) const { return impl().verdict && impl().verdict->valid(root); }

bool SchemaChecker::valijson_accepts(const yaml::Node& root) const {
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  const json document = to_json(root);
  valijson::adapters::NlohmannJsonAdapter target(document);
  try {
    return validator.validate(impl().schema, target, nullptr);
  } catch (const std::exception&) {
    return false;
  }
}

model::Diagnostics SchemaChecker::validate(const yaml::Node& root, const std::string& file) const {
  const Impl& compiled = impl();
  // One validator per thread: it caches the compiled regular expressions of the schema.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  model::Diagnostics out;
  compiled.unique->check(root, [&](const yaml::Node& node, const std::vector<std::string>& at, std::string message) {
    std::string pointer;
    for (const auto& segment : at) pointer = yaml::pointer_append(pointer, segment);
    out.push_back(make(file, node.mark, std::move(pointer), fmt::format("{}: {}", field_name(at, root), message)));
  });
  // Most files are valid, and the compiled verdict says so in a fraction of valijson's time;
  // valijson validates every other file and says what is wrong.
  if (compiled.verdict && compiled.verdict->valid(root)) return out;
  const json document = to_json(root);
  valijson::adapters::NlohmannJsonAdapter target(document);
  try {
    if (validator.validate(compiled.schema, target, &results)) return out;
  } catch (const std::exception& e) {
    out.push_back(make(file, root.mark, "", fmt::format("the file could not be checked against the schema: {}", e.what())));
    return out;
  }

  std::set<std::pair<std::string, std::string>> seen;
  const auto add = [&](const yaml::Mark& mark, const std::string& pointer, std::string message) {
    if (seen.emplace(pointer, message).second) out.push_back(make(file, mark, pointer, std::move(message)));
  };

  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const std::string& text = error.description;
    if (text.rfind("Failed to validate", 0) == 0) continue;  // summaries of errors reported below them
    const Located at = locate(root, error.context);
    if (!at.node) continue;
    const json* schema = schema_at(compiled.schema_json, at.segments);
    const std::string key = field_name(at.segments, root);
    const yaml::Mark& mark = at.node->mark;

    if (at.node->kind == yaml::Kind::scalar && left_to_rules(at.pointer)) continue;

    if (text.rfind("Object contains a property that could not be validated", 0) == 0) {
      std::vector<std::string> allowed;
      if (schema && schema->contains("properties")) {
        for (const auto& [name, _] : (*schema)["properties"].items()) allowed.push_back(name);
      }
      for (const auto& [k, v] : at.node->entries) {
        if (std::find(allowed.begin(), allowed.end(), k.value) != allowed.end()) continue;
        std::string message = fmt::format("unknown key {}", util::quote_value(k.value));
        if (const auto guess = util::closest_match(k.value, allowed)) {
          message += fmt::format("; did you mean \"{}\"?", *guess);
        } else {
          message += fmt::format("; allowed keys here are: {}", util::join(allowed));
        }
        add(k.mark, yaml::pointer_append(at.pointer, k.value), message);
      }
    } else if (text.rfind("Missing required property", 0) == 0) {
      const auto first = text.find('\''), last = text.rfind('\'');
      const std::string name = first != last ? text.substr(first + 1, last - first - 1) : "?";
      add(mark, yaml::pointer_append(at.pointer, name),
          fmt::format("{} is missing the required key \"{}\"; add it", at.segments.empty() ? "the plan" : key, name));
    } else if (text.rfind("Value type not permitted", 0) == 0) {
      add(mark, at.pointer, type_message(*at.node, schema, key));
    } else if (text.rfind("Failed to match against any enum", 0) == 0) {
      const auto values = schema ? enum_values(*schema) : std::vector<std::string>{};
      std::string message = fmt::format("{}: {} is not allowed; use one of: {}", key, describe(*at.node), util::join(values));
      if (at.node->kind == yaml::Kind::scalar) {
        if (const auto guess = util::closest_match(at.node->value, values)) {
          message += fmt::format(" (did you mean \"{}\"?)", *guess);
        }
      }
      add(mark, at.pointer, message);
    } else if (text.rfind("Failed to match regex", 0) == 0) {
      std::string description = schema && schema->contains("description") ? (*schema)["description"].get<std::string>() : "";
      add(mark, at.pointer, fmt::format("{}: {} does not have the required form{}{}", key, describe(*at.node),
                                        description.empty() ? "" : ": ", description));
    } else {
      std::string message = text;
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
      if (!message.empty() && message.back() == '.') message.pop_back();
      add(mark, at.pointer, fmt::format("{}: {}", key, message));
    }
  }
  return out;
}

}  // namespace bbg::check
