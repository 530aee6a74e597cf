// libFuzzer target: the surgical editor. For any file that loads, an edit either is refused or
// gives a file that loads and holds exactly the intended change (the editor verifies that
// itself; here we check that a success is never a lie and that nothing crashes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "yaml/document.hpp"
#include "yaml/edit.hpp"

namespace {

const bbg::yaml::Node* first_activity(const bbg::yaml::Node& root, std::string& area_id) {
  const auto* areas = root.find("areas");
  if (!areas || areas->kind != bbg::yaml::Kind::sequence) return nullptr;
  for (const auto& area : areas->items) {
    const auto* id = area.find("id");
    if (id && id->kind == bbg::yaml::Kind::scalar) area_id = id->value;
    const auto* activities = area.find("activities");
    if (!activities || activities->kind != bbg::yaml::Kind::sequence) continue;
    for (const auto& activity : activities->items) {
      const auto* activity_id = activity.find("id");
      if (activity_id && activity_id->kind == bbg::yaml::Kind::scalar) return activity_id;
    }
  }
  return nullptr;
}

void must_load(const bbg::yaml::EditResult& r) {
  if (r.error.empty() && !bbg::yaml::load(r.text).root) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto loaded = bbg::yaml::load(text);
  if (!loaded.root || loaded.root->kind != bbg::yaml::Kind::map) return 0;
  std::string area_id;
  if (const auto* id = first_activity(*loaded.root, area_id)) {
    must_load(bbg::yaml::append_update(text, *loaded.root, id->value, {"2030-01-01", "done", "Klart: ja, \"nu\"", "Anna"}));
    must_load(bbg::yaml::add_activity(text, *loaded.root, area_id, {"9.9", "Ny: aktivitet", {"A", "B, C"}, "", "2030-Q1", "planned", ""}));
  }
  must_load(bbg::yaml::add_area(text, *loaded.root, {"99", "Nytt område"}));
  return 0;
}
