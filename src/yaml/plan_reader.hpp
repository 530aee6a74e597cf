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

model::Plan read_plan(const Node& root, std::string file);

// The entries of owners.yaml (a list of maps), read leniently like plans: an entry that is not a
// map, or has no name, is left out (the schema check reports it).
std::vector<model::OwnerEntry> read_owners(const Node& root);

// Appends one JSON-pointer segment, escaping "~" and "/" (RFC 6901).
std::string pointer_append(std::string_view pointer, std::string_view segment);

}  // namespace bbg::yaml
