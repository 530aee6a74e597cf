#include "workspace/config.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"
#include "yaml/document.hpp"

namespace bbg::workspace {
namespace {

constexpr std::array<std::string_view, 5> k_keys{"language", "csv_separator", "csv_bom", "by", "owner"};

}  // namespace

Config parse_config(const std::string& file, const std::string& text) {
  const auto fail = [&](const yaml::Mark& at, const std::string& message) {
    throw util::InputError(fmt::format("{}:{}:{}: {}", file, at.line, at.column, message));
  };
  // A small file: the limits of a plan, a little tighter.
  yaml::Limits limits;
  limits.max_depth = 4;
  limits.max_nodes = 100;
  limits.max_scalar = 200;
  // Nothing but comments and blank lines: no defaults (YAML's empty document).
  bool blank = true;
  for (std::size_t at = 0; at < text.size() && blank;) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = std::string_view(text).substr(at, end - at);
    const auto first = line.find_first_not_of(" \t\r");
    blank = first == std::string_view::npos || line[first] == '#';
    at = end + 1;
  }
  if (blank) return Config{};
  const yaml::LoadResult loaded = yaml::load(text, limits);
  if (loaded.error) fail(loaded.error->mark, loaded.error->message);
  Config config;
  config.sha = util::sha256_hex(text);
  const yaml::Node& root = *loaded.root;
  if (root.kind == yaml::Kind::null) return config;  // nothing but comments
  if (root.kind != yaml::Kind::map) {
    fail(root.mark, "bbg.yaml holds bbg's defaults as keys and values (\"language: sv\"); see man bbg, FILES");
  }
  std::vector<std::string> known(k_keys.begin(), k_keys.end());
  for (const auto& [key, value] : root.entries) {
    const std::string name(key.value);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string message = fmt::format("unknown key {}; the keys are {}", util::quote_value(name), util::join(known));
      if (const auto guess = util::closest_match(name, known)) message += fmt::format("; did you mean \"{}\"?", *guess);
      fail(key.mark, message);
    }
    if (value.kind == yaml::Kind::sequence || value.kind == yaml::Kind::map) {
      fail(value.mark, fmt::format("{} is one value, not a {}", name, value.kind == yaml::Kind::map ? "map" : "list"));
    }
    if (value.kind != yaml::Kind::scalar || value.value.empty()) fail(value.mark, fmt::format("{} needs a value", name));
    const std::string v(value.value);
    if (name == "language") {
      if (v != "en" && v != "sv") fail(value.mark, fmt::format("language is en or sv, not {}", util::quote_value(v)));
      config.language = v;
    } else if (name == "csv_separator") {
      if (v != "," && v != ";" && v != "\t") {
        fail(value.mark, fmt::format("csv_separator is \",\", \";\" or \"\\t\" (quoted: \"\\t\" is a tab only in double "
                                     "quotes), not {}",
                                     util::quote_value(v)));
      }
      config.csv_separator = v;
    } else if (name == "csv_bom") {
      if (value.quoted || yaml::scalar_type(value) != yaml::ScalarType::boolean) {
        fail(value.mark, fmt::format("csv_bom is true or false, not {}", util::quote_value(v)));
      }
      config.csv_bom = v == "true" || v == "True" || v == "TRUE";
    } else if (name == "by") {
      config.by = v;
    } else {
      config.owner = v;
    }
  }
  return config;
}

}  // namespace bbg::workspace
