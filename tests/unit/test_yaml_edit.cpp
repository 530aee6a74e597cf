#include <doctest/doctest.h>

#include "testutil.hpp"
#include "yaml/edit.hpp"

using namespace bbg::yaml;

namespace {
const NewUpdate k_done{"2021-06-01", "done", "", ""};

std::string update(const std::string& text, const std::string& id = "1.1", const NewUpdate& u = k_done) {
  const LoadResult loaded = load(text);
  REQUIRE(loaded.root);
  const EditResult r = append_update(text, *loaded.root, id, u);
  CAPTURE(r.error);
  REQUIRE(r.error.empty());
  return r.text;
}

const std::string k_head =
    "schema_version: 1\n"
    "id: p\n"
    "areas:\n";
}  // namespace

TEST_SUITE("yaml::edit") {
  TEST_CASE("an update is appended after the last one and the status line changes; comments stay") {
    const std::string before = k_head +
                               "  - id: \"1\"\n"
                               "    activities:\n"
                               "      # the first activity\n"
                               "      - id: \"1.1\"\n"
                               "        status: in_progress   # since spring\n"
                               "        updates:\n"
                               "          - date: 2021-03-01   # kick-off\n"
                               "            status: in_progress\n"
                               "\n"
                               "      - id: \"1.2\"\n"
                               "        status: planned\n";
    const std::string after = k_head +
                              "  - id: \"1\"\n"
                              "    activities:\n"
                              "      # the first activity\n"
                              "      - id: \"1.1\"\n"
                              "        status: done   # since spring\n"
                              "        updates:\n"
                              "          - date: 2021-03-01   # kick-off\n"
                              "            status: in_progress\n"
                              "          - date: 2021-06-01\n"
                              "            status: done\n"
                              "\n"
                              "      - id: \"1.2\"\n"
                              "        status: planned\n";
    CHECK(update(before) == after);
  }

  TEST_CASE("the first update creates the list in the file's own indentation") {
    const std::string before = "areas:\n"
                               "    -   id: \"1\"\n"
                               "        activities:\n"
                               "            -   id: \"1.1\"\n"
                               "                status: planned\n"
                               "# end\n";
    const std::string after = "areas:\n"
                              "    -   id: \"1\"\n"
                              "        activities:\n"
                              "            -   id: \"1.1\"\n"
                              "                status: done\n"
                              "                updates:\n"
                              "                    -   date: 2021-06-01\n"
                              "                        status: done\n"
                              "# end\n";
    CHECK(update(before) == after);
  }

  TEST_CASE("lists at the same column as their key stay that way") {
    const std::string before = "areas:\n"
                               "- id: \"1\"\n"
                               "  activities:\n"
                               "  - id: \"1.1\"\n"
                               "    status: planned\n";
    CHECK(update(before) == "areas:\n"
                            "- id: \"1\"\n"
                            "  activities:\n"
                            "  - id: \"1.1\"\n"
                            "    status: done\n"
                            "    updates:\n"
                            "    - date: 2021-06-01\n"
                            "      status: done\n");
  }

  TEST_CASE("CRLF line endings are kept, and every other byte") {
    const std::string before = "areas:\r\n  - id: \"1\"\r\n    activities:\r\n      - id: \"1.1\"\r\n        status: planned\r\n";
    CHECK(update(before) ==
          "areas:\r\n  - id: \"1\"\r\n    activities:\r\n      - id: \"1.1\"\r\n        status: done\r\n"
          "        updates:\r\n          - date: 2021-06-01\r\n            status: done\r\n");
  }

  TEST_CASE("a flow list of updates grows in flow style") {
    const std::string before = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n"
                               "        updates: [{date: 2021-01-01, status: planned, note: start}]\n";
    CHECK(update(before) == "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: done\n"
                            "        updates: [{date: 2021-01-01, status: planned, note: start}, {date: 2021-06-01, status: done}]\n");
  }

  TEST_CASE("a flow list over several lines gets a new line in the same indentation") {
    const std::string before = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n"
                               "        updates: [\n          {date: 2021-01-01, status: planned},\n        ]\n";
    CHECK(update(before) == "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: done\n"
                            "        updates: [\n          {date: 2021-01-01, status: planned},\n"
                            "          {date: 2021-06-01, status: done},\n        ]\n");
  }

  TEST_CASE("an empty flow list and an empty key both take the first update") {
    const std::string flow = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n        updates: []\n";
    CHECK(update(flow).find("updates: [{date: 2021-06-01, status: done}]\n") != std::string::npos);
    const std::string empty = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n        updates:\n";
    CHECK(update(empty) == "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: done\n        updates:\n"
                           "          - date: 2021-06-01\n            status: done\n");
  }

  TEST_CASE("a flow-style activity gets its updates in flow style") {
    const std::string before = "areas:\n  - id: \"1\"\n    activities:\n      - {id: \"1.1\", title: T, status: planned}\n";
    CHECK(update(before) ==
          "areas:\n  - id: \"1\"\n    activities:\n      - {id: \"1.1\", title: T, status: done, updates: [{date: 2021-06-01, status: done}]}\n");
  }

  TEST_CASE("quoted status keeps its quotes; flow items keep the last update's key order") {
    const std::string before = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: 'planned'\n"
                               "        updates:\n          - {status: planned, date: 2021-01-01}\n";
    CHECK(update(before, "1.1", {"2021-06-01", "done", "Klart: ja", ""}) ==
          "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: 'done'\n"
          "        updates:\n          - {status: planned, date: 2021-01-01}\n"
          "          - {status: done, date: 2021-06-01, note: \"Klart: ja\"}\n");
  }

  TEST_CASE("a file without a final line break and with a BOM is edited cleanly") {
    const std::string before = "\xEF\xBB\xBF" "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned";
    CHECK(update(before) == "\xEF\xBB\xBF" "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: done\n"
                            "        updates:\n          - date: 2021-06-01\n            status: done\n");
  }

  TEST_CASE("notes and names are quoted only when YAML needs it") {
    CHECK(yaml_string("Genomfört april 2021") == "Genomfört april 2021");
    CHECK(yaml_string("Klart: ja") == "\"Klart: ja\"");
    CHECK(yaml_string("yes") == "\"yes\"");
    CHECK(yaml_string("2021-06-16") == "\"2021-06-16\"");
    CHECK(yaml_string("42") == "\"42\"");
    CHECK(yaml_string("- punkt") == "\"- punkt\"");
    CHECK(yaml_string("rad 1\nrad \"2\"") == "\"rad 1\\nrad \\\"2\\\"\"");
    CHECK(yaml_string("a, b") == "a, b");
    CHECK(yaml_string("a, b", true) == "\"a, b\"");
  }

  TEST_CASE("an unknown activity is refused") {
    const std::string text = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n";
    const LoadResult loaded = load(text);
    CHECK(append_update(text, *loaded.root, "9.9", k_done).error.find("no activity") != std::string::npos);
  }

  TEST_CASE("an area and an activity are added in the file's style") {
    const std::string text = "areas:\n  - id: \"1\"\n    title: Ett\n    activities:\n      - id: \"1.1\"\n        title: A\n        status: planned\n";
    const LoadResult loaded = load(text);
    const EditResult area = add_area(text, *loaded.root, {"2", "Två: nytt"});
    REQUIRE(area.error.empty());
    CHECK(area.text == text + "  - id: \"2\"\n    title: \"Två: nytt\"\n    activities: []\n");
    const LoadResult again = load(area.text);
    const EditResult activity = add_activity(area.text, *again.root, "2", {"2.1", "Göra", {"Skolan", "IFO"}, "", "2022-Q1", "planned", ""});
    REQUIRE(activity.error.empty());
    CHECK(activity.text == text + "  - id: \"2\"\n    title: \"Två: nytt\"\n    activities:\n"
                                  "      - id: \"2.1\"\n        title: Göra\n        owners: [Skolan, IFO]\n"
                                  "        due: 2022-Q1\n        status: planned\n");
  }

  TEST_CASE("every activity of the bundled plans can take an update") {
    for (const auto& [name, text] : bbg::test::bundled_plan_files()) {
      const LoadResult loaded = load(text);
      REQUIRE(loaded.root);
      for (const auto& area : loaded.root->find("areas")->items) {
        for (const auto& activity : area.find("activities")->items) {
          const std::string id = activity.find("id")->value;
          CAPTURE(name);
          CAPTURE(id);
          const EditResult r = append_update(text, *loaded.root, id, {"2030-01-01", "done", "Test: klart", "bbg"});
          CHECK(r.error.empty());
        }
      }
    }
  }
}
