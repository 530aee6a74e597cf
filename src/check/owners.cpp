#include "check/owners.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "check/schema.hpp"
#include "util/text.hpp"
#include "yaml/plan_reader.hpp"

namespace bbg::check {

OwnersFile check_owners_file(const std::string& file, const std::string& content, const yaml::Limits& limits) {
  OwnersFile out;
  const auto error = [&](int line, int column, std::string code, std::string message, bool show_source = true) {
    model::Diagnostic d;
    d.location = {file, line, column};
    d.code = std::move(code);
    d.message = std::move(message);
    d.show_source = show_source;
    out.diagnostics.push_back(std::move(d));
  };
  const yaml::LoadResult loaded = yaml::load(content, limits);
  if (loaded.error) {
    error(loaded.error->mark.line, loaded.error->mark.column, loaded.error->code, loaded.error->message,
          loaded.error->show_source);
    return out;
  }
  const yaml::Node& root = *loaded.root;
  if (root.kind == yaml::Kind::null) {  // nothing but comments: no entries yet
    out.owners.emplace();
    return out;
  }
  if (root.kind != yaml::Kind::sequence) {
    error(root.mark.line, root.mark.column, "not-a-registry",
          "owners.yaml must be a YAML list with one entry per body (\"- name: Ljungby kommun\"), or [] for none");
    return out;
  }
  static const SchemaChecker schema(embedded_owners_schema());
  out.diagnostics = schema.validate(root, file);
  std::vector<model::OwnerEntry> entries = yaml::read_owners(root);
  // Each name and alias belongs to one body.
  std::map<std::string, const model::OwnerEntry*> seen;
  for (const auto& entry : entries) {
    std::vector<std::string> names{entry.name};
    names.insert(names.end(), entry.aliases.begin(), entry.aliases.end());
    for (const auto& name : names) {
      const auto [it, added] = seen.emplace(model::name_key(name), &entry);
      if (added || it->second == &entry) continue;
      error(entry.line, 3, "owner-duplicate",
            fmt::format("{} is already a name of {} (line {}); each name belongs to one body: keep it in one entry",
                        util::quote_value(name), util::quote_value(it->second->name), it->second->line));
    }
  }
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const auto& a, const auto& b) {
    return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
  });
  bool failed = false;
  for (const auto& d : out.diagnostics) failed = failed || d.severity == model::Severity::error;
  if (!failed) out.owners.emplace(std::move(entries));
  return out;
}

model::Diagnostics check_plan_owners(const model::Plan& plan, const model::Owners& owners) {
  model::Diagnostics out;
  std::vector<std::string> spellings;
  // Suggestions cost an edit distance per spelling: a few per file, and none against a registry
  // too big to search, so that the check stays bounded on any input.
  constexpr std::size_t k_max_suggestions = 20;
  constexpr std::size_t k_max_spellings = 5'000;
  std::size_t suggested = 0;
  for (const auto& area : plan.areas) {
    for (const auto& activity : area.activities) {
      for (const auto& owner : activity.owners) {
        if (owners.find(owner)) continue;
        if (spellings.empty()) spellings = owners.spellings();
        model::Diagnostic d;
        d.severity = model::Severity::warning;
        d.location = {plan.file, activity.owners_where.line, activity.owners_where.column};
        d.code = "unknown-owner";
        d.path = activity.owners_where.pointer;
        d.message = fmt::format("{}: owner {} is not in {}", activity.id, util::quote_value(owner), k_owners_file);
        const bool suggest = suggested < k_max_suggestions && spellings.size() <= k_max_spellings;
        if (suggest) ++suggested;
        if (const auto guess = suggest ? util::closest_match(owner, spellings) : std::nullopt) {
          d.message += fmt::format("; did you mean \"{}\"?", owners.canonical(*guess));
        } else {
          d.message += "; add it (name, aliases, kind), or write a name the registry has";
        }
        out.push_back(std::move(d));
      }
    }
  }
  return out;
}

}  // namespace bbg::check
