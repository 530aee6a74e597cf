// Builds the plan model from a loaded YAML tree, leniently: fields of the wrong shape are
// skipped here and reported by the schema check.
#pragma once

#include <string>
#include <string_view>

#include "model/plan.hpp"
#include "yaml/document.hpp"

namespace bbg::yaml {

model::Plan read_plan(const Node& root, std::string file);

// Appends one JSON-pointer segment, escaping "~" and "/" (RFC 6901).
std::string pointer_append(std::string_view pointer, std::string_view segment);

}  // namespace bbg::yaml
