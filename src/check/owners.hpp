// owners.yaml, the owner registry, checked as bbg check checks a plan file (its YAML, its schema,
// each name belonging to one body), and the rule that plans name owners the registry knows.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "model/owners.hpp"
#include "model/plan.hpp"
#include "yaml/document.hpp"

namespace bbg::check {

// Where the registry is, relative to the repository root.
inline constexpr const char* k_owners_file = "owners.yaml";

struct OwnersFile {
  model::Diagnostics diagnostics;
  std::optional<model::Owners> owners;  // set when the file has no error
};

// `file` is the name diagnostics show. An empty file, or `[]`, is a registry with no entries.
OwnersFile check_owners_file(const std::string& file, const std::string& content, const yaml::Limits& limits = {});

// The warning unknown-owner, with a suggestion, for each owner of `plan` that `owners` does not
// know (by name or alias, case- and accent-insensitively).
model::Diagnostics check_plan_owners(const model::Plan& plan, const model::Owners& owners);

}  // namespace bbg::check
