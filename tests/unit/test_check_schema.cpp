#include <doctest/doctest.h>

#include <fstream>
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
