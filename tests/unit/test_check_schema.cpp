#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "check/embedded.hpp"
#include "testutil.hpp"

using bbg::test::check_text;
using bbg::test::plan_yaml;

namespace {
bbg::model::Diagnostic only(const bbg::check::CheckResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics.front();
}

void walk(const nlohmann::json& node, const std::string& where, std::vector<std::string>& problems) {
  // Keywords valijson 1.0 ignores or does not support (DEPENDENCIES.md); the schema must not rely on them.
  static const std::set<std::string> k_unsupported = {"unevaluatedProperties", "dependentRequired", "$anchor",
                                                      "dependentSchemas", "prefixItems", "$defs"};
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (k_unsupported.count(key)) problems.push_back(where + "/" + key + ": unsupported keyword");
      if (key == "properties") {
        for (const auto& [name, property] : value.items()) {
          if (!property.contains("description")) problems.push_back(where + "/properties/" + name + ": no description");
        }
      }
      walk(value, where + "/" + key, problems);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], where + "/" + std::to_string(i), problems);
  }
}
std::string test_plan_with_id(const std::string& id) {
  std::string text = plan_yaml();
  text.replace(text.find("id: test-plan"), 13, "id: " + id);
  return text;
}
}  // namespace

TEST_SUITE("check::schema") {
  TEST_CASE("the embedded schema is the one in schemas/") {
    std::ifstream file(BBG_SOURCE_DIR "/schemas/plan.schema.json");
    std::stringstream text;
    text << file.rdbuf();
    CHECK(text.str() == bbg::check::embedded_plan_schema());
  }

  TEST_CASE("the schema is draft-07, describes every property and uses only keywords valijson supports") {
    const auto schema = nlohmann::json::parse(bbg::check::embedded_plan_schema());
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    std::vector<std::string> problems;
    walk(schema, "", problems);
    CHECK(problems.empty());
    for (const auto& p : problems) MESSAGE(p);
  }

  TEST_CASE("a quoted number where an integer is expected says to remove the quotes") {
    const auto d = only(check_text(plan_yaml("", "version: \"42\"\n")));
    CHECK(d.code == "schema");
    CHECK(d.path == "/version");
    CHECK(d.location.line == 7);
    CHECK(d.location.column == 10);
    CHECK(d.message.find("remove the quotes") != std::string::npos);
  }

  TEST_CASE("in a list of unique values a text is the same plain or quoted, and never the same as a number") {
    const auto d = only(check_text(plan_yaml("", "wellbeing_areas: [safety, 'safety']\n")));
    CHECK(d.path == "/wellbeing_areas/1");
    CHECK(d.message.find("already in the list as item 0") != std::string::npos);
    const auto mixed = check_text(plan_yaml("", "global_goals: [1, \"1\"]\n"));
    REQUIRE(!mixed.diagnostics.empty());
    for (const auto& e : mixed.diagnostics) CHECK(e.message.find("already in the list") == std::string::npos);
  }

  TEST_CASE("a value that comes back is reported once, where it first comes back, in short lists and long ones") {
    // Lists of up to 32 values are compared pair by pair, longer ones through a map: the same answer.
    for (const std::size_t padding : {0, 40}) {
      std::string list = "[safety, care, safety, safety, care";
      for (std::size_t i = 0; i < padding; ++i) list += ", " + std::to_string(i + 1);
      const auto r = check_text(plan_yaml("", "wellbeing_areas: " + list + "]\n"));
      std::vector<std::string> repeats;
      for (const auto& d : r.diagnostics) {
        if (d.message.find("already in the list") != std::string::npos) repeats.push_back(d.path + " " + d.message);
      }
      REQUIRE_MESSAGE(repeats.size() == 2, padding);
      CHECK(repeats[0].rfind("/wellbeing_areas/2 ", 0) == 0);
      CHECK(repeats[0].find("as item 0;") != std::string::npos);
      CHECK(repeats[1].rfind("/wellbeing_areas/4 ", 0) == 0);
      CHECK(repeats[1].find("as item 1;") != std::string::npos);
    }
  }

  TEST_CASE("yes is text, not a boolean, and not a number") {
    const auto d = only(check_text(plan_yaml("", "global_goals: [yes]\n")));
    CHECK(d.path == "/global_goals/0");
    CHECK(d.message.find("the text \"yes\"") != std::string::npos);
  }

  TEST_CASE("an unquoted activity id is a number and is refused") {
    std::string text = plan_yaml();
    text.replace(text.find("id: \"1.1\""), 9, "id: 1.1");
    const auto d = only(check_text(text));
    CHECK(d.path == "/areas/0/activities/0/id");
    CHECK(d.message.find("write it in quotes (\"1.1\")") != std::string::npos);
  }

  TEST_CASE("every unknown key is reported at the key, with a suggestion") {
    const auto r = check_text(plan_yaml("        folow_up: x\n        colour: red\n"));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].location.line == 16);
    CHECK(r.diagnostics[0].location.column == 9);
    CHECK(r.diagnostics[0].message.find("did you mean \"follow_up\"") != std::string::npos);
    CHECK(r.diagnostics[1].path == "/areas/0/activities/0/colour");
  }

  TEST_CASE("a status outside the enum lists the allowed ones") {
    std::string text = plan_yaml();
    text.replace(text.find("status: planned"), 15, "status: plannde");
    const auto d = only(check_text(text));
    CHECK(d.message.find("planned, in_progress, done, delayed, cancelled") != std::string::npos);
    CHECK(d.message.find("did you mean \"planned\"") != std::string::npos);
  }

  TEST_CASE("a missing required key is reported on its map") {
    std::string text = plan_yaml();
    text.replace(text.find("title: Testplan\n"), 15, "");
    const auto d = only(check_text(text));
    CHECK(d.path == "/title");
    CHECK(d.message.find("\"title\"") != std::string::npos);
  }

  TEST_CASE("a file that is not a map is not a plan") {
    CHECK(only(check_text("- a\n- b\n")).code == "not-a-plan");
    CHECK(only(check_text("hello\n")).code == "not-a-plan");
  }
}

TEST_SUITE("check::schema") {
  TEST_CASE("an integer too large for any number type is a schema error, not a crash (found by fuzzing)") {
    const std::string digits(400, '7');
    const auto d = only(check_text(test_plan_with_id(digits)));
    CHECK(d.code == "schema");
    CHECK(d.path == "/id");
  }
}

// validate() takes the compiled verdict for a file it calls valid and asks valijson about every
// other one: the compiled verdict must never call valid what valijson does not, and must call
// valid the plans valijson does (or it saves nothing).
namespace {

std::vector<bbg::yaml::LoadResult> trees_to_compare() {
  std::vector<bbg::yaml::LoadResult> trees;
  std::vector<std::pair<std::string, std::string>> files = bbg::test::bundled_plan_files();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(BBG_SOURCE_DIR "/tests/fixtures")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.emplace_back(entry.path().string(), text.str());
  }
  for (const auto& [name, text] : files) {
    auto loaded = bbg::yaml::load(text);
    if (loaded.root) trees.push_back(std::move(loaded));
  }
  return trees;
}

bbg::yaml::Value scalar(std::string value, bool quoted = false) {
  bbg::yaml::Value n;
  n.kind = bbg::yaml::Kind::scalar;
  n.value = std::move(value);
  n.quoted = quoted;
  return n;
}

// Every way of spoiling one node: other types, other values, a key taken away or added.
std::vector<bbg::yaml::Value> spoilt(const bbg::yaml::Value& node) {
  using bbg::yaml::Kind;
  std::vector<bbg::yaml::Value> out;
  for (const char* v : {"1", "0", "-3", "13", "1000", "99999", "1.5", ".inf", "99999999999999999999", "true", "~", "",
                        "x", "planned", "done", "yearly", "county", "2021", "2021-Q4", "1.1", "a b", "Ä"}) {
    out.push_back(scalar(v));
    out.push_back(scalar(v, true));
  }
  out.push_back(scalar(std::string(120, 'a'), true));
  bbg::yaml::Value empty_list;
  empty_list.kind = Kind::sequence;
  out.push_back(empty_list);
  bbg::yaml::Value empty_map;
  empty_map.kind = Kind::map;
  out.push_back(empty_map);
  if (node.kind == Kind::map) {
    for (std::size_t i = 0; i < node.entries.size(); ++i) {
      bbg::yaml::Value fewer = node;
      fewer.entries.erase(fewer.entries.begin() + static_cast<long>(i));
      out.push_back(std::move(fewer));
    }
    bbg::yaml::Value more = node;
    more.entries.emplace_back(scalar("unknown_key"), scalar("x"));
    out.push_back(std::move(more));
  }
  if (node.kind == Kind::sequence && !node.items.empty()) {
    bbg::yaml::Value none = node;
    none.items.clear();
    out.push_back(std::move(none));
    bbg::yaml::Value wrapped;
    wrapped.kind = Kind::sequence;
    wrapped.items.push_back(node);
    out.push_back(std::move(wrapped));
  }
  return out;
}

// Calls `each` with `root` spoilt at one node, for every node of it (at most `budget` of them).
void for_each_spoilt(const bbg::yaml::Value& root, bbg::yaml::Value& at, int& budget,
                     const std::function<void(const bbg::yaml::Node&)>& each) {
  if (budget-- <= 0) return;
  const bbg::yaml::Value original = at;
  for (auto& variant : spoilt(original)) {
    at = std::move(variant);
    const bbg::test::ValueView view(root);
    each(view.root);
  }
  at = original;
  for (auto& item : at.items) for_each_spoilt(root, item, budget, each);
  for (auto& entry : at.entries) for_each_spoilt(root, entry.second, budget, each);
}

}  // namespace

TEST_SUITE("check::schema compiled verdict") {
  TEST_CASE("the plan schema compiles into the fast verdict") { CHECK(bbg::test::schema().fast_verdict_compiled()); }

  TEST_CASE("on every fixture and bundled plan the two verdicts agree") {
    const auto& schema = bbg::test::schema();
    int valid = 0, invalid = 0;
    for (const auto& loaded : trees_to_compare()) {
      const bbg::yaml::Node& tree = *loaded.root;
      const bool by_valijson = schema.valijson_accepts(tree);
      CHECK(schema.fast_accepts(tree) == by_valijson);
      (by_valijson ? valid : invalid)++;
    }
    CHECK(valid >= 10);
    CHECK(invalid >= 50);
  }

  TEST_CASE("every plan spoilt at every node: the fast verdict never accepts what valijson refuses") {
    const auto& schema = bbg::test::schema();
    long compared = 0, refused = 0, deferred = 0;
    for (const auto& [name, text] : bbg::test::bundled_plan_files()) {
      auto root = bbg::yaml::value_of(*bbg::yaml::load(text).root);
      int budget = 400;
      for_each_spoilt(root, root, budget, [&](const bbg::yaml::Node& tree) {
        const bool fast = schema.fast_accepts(tree);
        const bool slow = schema.valijson_accepts(tree);
        ++compared;
        if (!slow) ++refused;
        if (slow && !fast) ++deferred;  // allowed: valijson then decides, only slower
        if (fast && !slow) FAIL_CHECK("the fast verdict accepts what valijson refuses, in " << name);
      });
    }
    MESSAGE(compared << " spoilt plans: " << refused << " refused by valijson, " << deferred << " left to it");
    CHECK(compared > 10'000);
    CHECK(refused > 1'000);
  }
}
