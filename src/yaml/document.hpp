// Safe loading of one YAML document into bbg's own tree. This folder is the only place that
// includes yaml-cpp and libyaml. Loading never builds a YAML::Node: it walks the parser's events
// once, refusing anchors, aliases, tags, duplicate keys, second documents and anything over the
// limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bbg::yaml {

// A position as users see it: 1-based line, 1-based column in characters (code points);
// `offset` is the byte offset in the file as given (a UTF-8 BOM included).
struct Mark {
  int line = 1;
  int column = 1;
  std::size_t offset = 0;
};

enum class Kind { null, scalar, sequence, map };

struct Entry;

struct Node {
  Kind kind = Kind::null;
  Mark mark;
  std::string value;    // scalars only
  bool quoted = false;  // scalars only: written quoted or as a block scalar (always a string)
  std::vector<Node> items;                     // sequences
  std::vector<Entry> entries;  // maps, in file order; keys are scalars

  // The value of `key` in a map, or nullptr.
  const Node* find(std::string_view key) const;
  // The key node of `key` in a map, or nullptr.
  const Node* find_key(std::string_view key) const;
};

// A key and its value (a struct rather than std::pair: Node is incomplete inside itself).
struct Entry {
  Entry(Node key, Node value) : first(std::move(key)), second(std::move(value)) {}
  Node first;
  Node second;
};

struct Limits {
  std::size_t max_depth = 32;         // nested maps and sequences
  std::size_t max_nodes = 50'000;     // scalars, maps and sequences in one file (a plan has ~1,000)
  std::size_t max_scalar = 10'000;    // bytes in one scalar
  std::size_t max_line = 10'000;      // bytes in one line
};

struct LoadError {
  Mark mark;
  std::string code;     // e.g. "yaml-syntax", "yaml-alias", "utf8"
  std::string message;  // what is wrong and what to do
  bool show_source = true;  // false when the content must not be echoed (binary, invalid UTF-8)
};

struct LoadResult {
  std::optional<Node> root;  // set when loading succeeded (may be a null node for "~")
  std::optional<LoadError> error;
};

// Which YAML parsers load() may use. By default a file is read with libyaml (about seven times
// faster); a file libyaml finds wrong, or that holds anything bbg refuses, is read again with
// yaml-cpp, which gives every error message. The other two choices are for tests and fuzzing,
// which check that both parsers build the same tree: `libyaml` returns the error code
// "libyaml-declined" where the default would fall back.
enum class ParserChoice { automatic, yaml_cpp, libyaml };

LoadResult load(std::string_view text, const Limits& limits = {},
                ParserChoice parsers = ParserChoice::automatic);

// Where two trees differ (kind, value, quoting or position of a node, the path leading to it),
// or "" when they are the same. Tests and fuzzing compare libyaml's tree with yaml-cpp's by it.
// `lenient` leaves out two things yaml-cpp gets wrong in contrived texts, which libyaml (read
// first) gets right, so the fuzz target looks for faults in bbg rather than in yaml-cpp:
// - the place of an empty list item ("-" alone): yaml-cpp does not give it, and bbg's search
//   for its "-" can be misled, e.g. by a quoted value whose next lines start with "- ";
// - values with a line break: yaml-cpp folds some wrongly ('a\n\n\n' gives "a\n", not "a\n\n").
enum class Compare { everything, lenient };
std::string first_difference(const Node& a, const Node& b, Compare compare = Compare::everything);

// How YAML 1.2's core schema types a scalar: quoted scalars are always strings.
enum class ScalarType { null, boolean, integer, floating, string };
ScalarType scalar_type(const Node& node);

// The value of an integer scalar as YAML 1.2's core schema reads it ("+010" is 10, "0o17" 15,
// "0x1F" 31); nothing for other nodes or when it does not fit. The schema check and the plan
// model both read integers through this, so they never disagree.
std::optional<long long> integer_value(const Node& node);

// The byte offsets where each line of `text` starts; the helper for positions and source echo.
std::vector<std::size_t> line_starts(std::string_view text);

}  // namespace bbg::yaml
