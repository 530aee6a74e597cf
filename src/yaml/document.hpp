// Safe loading of one YAML 1.2 document into bbg's own tree. This folder is the only place that
// includes libfyaml (the one YAML reader: it passes the whole official yaml-test-suite). Loading
// walks the parser's events once and refuses anchors, aliases, tags, duplicate keys, second
// documents and anything over the limits; what libfyaml refuses is refused, in bbg's words.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
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

// A node of a loaded tree: a view, like std::string_view. Its value, items and entries point into
// the storage of the LoadResult that loaded it, which must outlive it (copying a Node copies the
// view, not the tree). Nodes are trivially copyable and never destroyed one by one: a tree of a
// plan is built into a few blocks of memory and freed with them.
struct Node {
  Kind kind = Kind::null;
  Mark mark;  // where the node starts: a quoted scalar at its quote, a block scalar at its | or >
  // Where it ends: right after a scalar (its closing quote included) or the "]" / "}" of a flow
  // collection; for a block collection, the end of its last child; for an empty value, `mark`.
  Mark end;
  std::string_view value;  // scalars only
  bool quoted = false;     // scalars only: written quoted or as a block scalar (always a string)
  bool flow = false;       // collections only: written in "[ ]" or "{ }"
  std::span<const Node> items;     // sequences
  std::span<const Entry> entries;  // maps, in file order; keys are scalars

  // The value of `key` in a map, or nullptr.
  const Node* find(std::string_view key) const;
  // The key node of `key` in a map, or nullptr.
  const Node* find_key(std::string_view key) const;
};

// A key and its value.
struct Entry {
  Node first;
  Node second;
};

struct ValueEntry;

// A tree that owns its values and can be changed: what an edit expects the file to read as once
// written, and what tests spoil. `value_of` copies a loaded tree into one.
struct Value {
  Kind kind = Kind::null;
  Mark mark;
  std::string value;
  bool quoted = false;
  std::vector<Value> items;
  std::vector<ValueEntry> entries;

  // The value of `key` in a map, or nullptr.
  Value* child(std::string_view key);
};

struct ValueEntry {
  ValueEntry(Value key, Value value) : first(std::move(key)), second(std::move(value)) {}
  Value first;
  Value second;
};

Value value_of(const Node& node);

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
  // What `root` points into (a copy of the text, the decoded values, the nodes): keep the
  // LoadResult, or this, for as long as the tree is used.
  std::shared_ptr<const void> storage;
};

LoadResult load(std::string_view text, const Limits& limits = {});

// How YAML 1.2's core schema types a scalar: quoted scalars are always strings.
enum class ScalarType { null, boolean, integer, floating, string };
ScalarType scalar_type(const Node& node);
ScalarType scalar_type(const Value& value);
// The same for a plain (unquoted) scalar's text.
ScalarType plain_scalar_type(std::string_view text);

// The value of an integer scalar as YAML 1.2's core schema reads it ("+010" is 10, "0o17" 15,
// "0x1F" 31); nothing for other nodes or when it does not fit. The schema check and the plan
// model both read integers through this, so they never disagree.
std::optional<long long> integer_value(const Node& node);

// The byte offsets where each line of `text` starts; the helper for positions and source echo.
std::vector<std::size_t> line_starts(std::string_view text);

}  // namespace bbg::yaml
