#include "model/owners.hpp"

#include <unordered_set>

namespace bbg::model {
namespace {

// U+00C0..U+00FF without their accents, lower case ('\0': kept as it is: × ÷).
constexpr char k_latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF && k_latin1[next - 0x80] != '\0') {
        out += k_latin1[next - 0x80];
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return out;
}

Owners::Owners(std::vector<OwnerEntry> entries) : m_entries(std::move(entries)) {
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    m_by_key.try_emplace(name_key(m_entries[i].name), i);
    for (const auto& alias : m_entries[i].aliases) m_by_key.try_emplace(name_key(alias), i);
  }
}

const OwnerEntry* Owners::find(std::string_view name) const {
  const auto it = m_by_key.find(name_key(name));
  return it == m_by_key.end() ? nullptr : &m_entries[it->second];
}

std::string Owners::canonical(const std::string& name) const {
  const OwnerEntry* entry = find(name);
  return entry ? entry->name : name;
}

std::vector<std::string> Owners::spellings() const {
  std::vector<std::string> out;
  for (const auto& entry : m_entries) {
    out.push_back(entry.name);
    out.insert(out.end(), entry.aliases.begin(), entry.aliases.end());
  }
  return out;
}

void Owners::canonicalise(Plan& plan) const {
  if (m_entries.empty()) return;
  for (auto& area : plan.areas) {
    for (auto& activity : area.activities) {
      std::vector<std::string> owners;
      owners.reserve(activity.owners.size());
      std::unordered_set<std::string> seen;  // linear in the owners, however many an activity lists
      for (const auto& owner : activity.owners) {
        std::string name = canonical(owner);
        if (seen.insert(name).second) owners.push_back(std::move(name));
      }
      activity.owners = std::move(owners);
    }
  }
}

}  // namespace bbg::model
