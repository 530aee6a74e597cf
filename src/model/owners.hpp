// The owner registry (owners.yaml at the repository root, SPEC.md): each body that owns
// activities once, with its canonical name, the other names plans write for it, its kind and,
// for organisations, its SCB/Kolada code. Plans may keep writing any alias; the checker rewrites
// every activity's owners to canonical names, so every report, filter and completion uses them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/plan.hpp"

namespace bbg::model {

struct OwnerEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;  // organisation, role, group or network; empty when not given
  std::string code;  // the municipality or region code (SCB/Kolada); empty when not given
  int line = 1;      // where the entry starts in owners.yaml
};

// The key two spellings of one name share: lower case, accents removed (é → e, å → a), runs of
// white space as one space, none at either end. "Linnéuniversitetet" and "linneuniversitetet"
// have the same key.
std::string name_key(std::string_view name);

class Owners {
 public:
  Owners() = default;
  // Entries whose names or aliases share a key with an earlier entry's are left to the check
  // (owner-duplicate); here the first entry keeps the name.
  explicit Owners(std::vector<OwnerEntry> entries);

  // The entry that has `name` as its name or an alias (by name_key), or nullptr.
  const OwnerEntry* find(std::string_view name) const;
  // Its entry's canonical name, else `name` as written.
  std::string canonical(const std::string& name) const;
  // Every name and alias, for suggestions.
  std::vector<std::string> spellings() const;
  const std::vector<OwnerEntry>& entries() const { return m_entries; }

  // Every activity's owners as canonical names, each once, in the order first written.
  void canonicalise(Plan& plan) const;

 private:
  std::vector<OwnerEntry> m_entries;
  std::unordered_map<std::string, std::size_t> m_by_key;
};

}  // namespace bbg::model
