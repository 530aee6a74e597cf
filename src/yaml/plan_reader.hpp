// Builds the plan model from a loaded YAML tree, leniently: fields of the wrong shape are
// skipped here and reported by the schema check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/owners.hpp"
#include "model/plan.hpp"
#include "yaml/document.hpp"

namespace bbg::yaml {

// Whether the texts only reports show are read: activities' title, due_text, follow_up and other
// keys, and updates' note and by. A check that keeps only each plan's summary skips them (the
// rules read none of them).
enum class Texts { read, skip };

// Whether each place in the model gets its JSON pointer (model::Where::pointer), which only the
// rules' findings show. A check reads the plan without them, and again with them only when the
// rules find something in it.
enum class Pointers { read, skip };

model::Plan read_plan(const Node& root, std::string file, Texts texts = Texts::read,
                      Pointers pointers = Pointers::read);

// The entries of owners.yaml (a list of maps), read leniently like plans: an entry that is not a
// map, or has no name, is left out (the schema check reports it).
std::vector<model::OwnerEntry> read_owners(const Node& root);

// Appends one JSON-pointer segment, escaping "~" and "/" (RFC 6901).
std::string pointer_append(std::string_view pointer, std::string_view segment);

}  // namespace bbg::yaml
