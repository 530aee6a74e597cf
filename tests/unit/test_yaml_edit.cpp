#include <doctest/doctest.h>

#include <random>
#include <regex>

#include "testutil.hpp"
#include "util/utf8.hpp"
#include "yaml/edit.hpp"

using namespace bbg::yaml;

namespace {
const NewUpdate k_done{"2021-06-01", "done", "", "", "", ""};

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
    // YAML 1.2 wants the closing bracket indented past the key ("]" under "updates" is an error).
    const std::string before = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: planned\n"
                               "        updates: [\n          {date: 2021-01-01, status: planned},\n          ]\n";
    CHECK(update(before) == "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        status: done\n"
                            "        updates: [\n          {date: 2021-01-01, status: planned},\n"
                            "          {date: 2021-06-01, status: done},\n          ]\n");
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
    CHECK(update(before, "1.1", {"2021-06-01", "done", "Klart: ja", "", "", ""}) ==
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
    CHECK(yaml_string("a, b", Context::flow) == "\"a, b\"");
    CHECK(yaml_string("3 kommuner") == "3 kommuner");
    CHECK(yaml_string("1_000") == "\"1_000\"");
    CHECK(yaml_string("it's", Context::block, Quote::single) == "'it''s'");
    CHECK(yaml_string("rad\nny", Context::block, Quote::single) == "\"rad\\nny\"");
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
                                  "      - id: \"2.1\"\n        title: Göra\n        owners:\n          - Skolan\n          - IFO\n"
                                  "        due: 2022-Q1\n        status: planned\n");
  }

  TEST_CASE("a new plan's empty areas list becomes a block list") {
    const std::string text = "id: x\nperiod:\n  start: 2024-01-01\n  end: 2027-12-31\nareas: []\n";
    const LoadResult loaded = load(text);
    const EditResult area = add_area(text, *loaded.root, {"1", "Trygghet"});
    REQUIRE(area.error.empty());
    CHECK(area.text == "id: x\nperiod:\n  start: 2024-01-01\n  end: 2027-12-31\nareas:\n"
                       "  - id: \"1\"\n    title: Trygghet\n    activities: []\n");
  }

  TEST_CASE("a new activity copies its neighbours' owner list and quoting") {
    // Block owners three columns in, titles and owners in single quotes, id in single quotes.
    const std::string block = "areas:\n  - id: '1'\n    activities:\n      - id: '1.1'\n        title: 'A'\n"
                              "        owners:\n           - 'Skolan'\n        status: planned\n";
    const LoadResult a = load(block);
    const EditResult added = add_activity(block, *a.root, "1", {"1.2", "B", {"IFO", "KAF"}, "", "", "planned", ""});
    REQUIRE(added.error.empty());
    CHECK(added.text == block + "      - id: '1.2'\n        title: 'B'\n        owners:\n           - 'IFO'\n"
                                "           - 'KAF'\n        status: planned\n");
    // Flow owners, plain titles: the new activity's owners are a flow list too.
    const std::string flow = "areas:\n  - id: \"1\"\n    activities:\n      - id: \"1.1\"\n        title: A\n"
                             "        owners: [Skolan]\n        status: planned\n";
    const LoadResult f = load(flow);
    const EditResult flowed = add_activity(flow, *f.root, "1", {"1.2", "B", {"IFO"}, "", "", "planned", ""});
    REQUIRE(flowed.error.empty());
    CHECK(flowed.text == flow + "      - id: \"1.2\"\n        title: B\n        owners: [IFO]\n        status: planned\n");
  }

  TEST_CASE("every activity of the bundled plans can take an update") {
    for (const auto& [name, text] : bbg::test::bundled_plan_files()) {
      const LoadResult loaded = load(text);
      REQUIRE(loaded.root);
      for (const auto& area : loaded.root->find("areas")->items) {
        for (const auto& activity : area.find("activities")->items) {
          const std::string id(activity.find("id")->value);
          CAPTURE(name);
          CAPTURE(id);
          const EditResult r = append_update(text, *loaded.root, id, {"2030-01-01", "done", "Test: klart", "bbg", "", ""});
          CHECK(r.error.empty());
        }
      }
    }
  }
}

// The writer's one quoting function, held against the reader: every string it writes, in every
// context and quoting style, reads back as the same string, and what it leaves plain is no
// boolean, null, number or date to a YAML 1.1 reader either.
TEST_SUITE("yaml::yaml_string") {
  bool yaml_1_1_resolves(const std::string& v) {
    // The implicit types of YAML 1.1 (yaml.org/type: bool, null, int, float, timestamp).
    static const std::regex k_types(
        R"(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|)"
        R"([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+|)"
        R"([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|)"
        R"([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)");
    return std::regex_match(v, k_types);
  }

  void require_round_trip(const std::string& value) {
    for (const Context context : {Context::block, Context::flow}) {
      for (const Quote quote : {Quote::as_needed, Quote::double_, Quote::single}) {
        const std::string written = yaml_string(value, context, quote);
        const std::string text = context == Context::block ? "k: " + written + "\n" : "k: [" + written + ", x]\n";
        INFO("value: " << bbg::util::escape_for_display(value) << "\nwritten: " << written);
        const LoadResult r = load(text);
        REQUIRE_MESSAGE(r.root, (r.error ? r.error->message : ""));
        const Node* k = r.root->find("k");
        REQUIRE(k);
        const Node& node = context == Context::block ? *k : k->items[0];
        CHECK(node.kind == Kind::scalar);
        CHECK(node.value == value);
        CHECK(scalar_type(node) == ScalarType::string);
        if (written == value) CHECK_FALSE(yaml_1_1_resolves(value));
      }
    }
  }

  TEST_CASE("strings that mean something else to YAML read back as the same strings") {
    for (const char* v : {"", " ", "yes", "No", "on", "OFF", "y", "~", "null", "true", "1e3", "2020", "0x1F", "017",
                          "1_000", "1:20", ".inf", "-.5", "2021-06-16", "2021-6-1 10:00", "- item", "? q", ": c",
                          "a: b", "a #b", "a#b", "#c", "&a", "*a", "!t", "|", ">", "'q'", "\"q\"", "%x", "@x", "`x",
                          "[a]", "{a}", "a,b", "trailing ", " leading", "ends:", "tab\there", "rad 1\nrad 2",
                          "Genomfört april 2021", "Klart: ja", "åäö", "back\\slash", "---", "...", "a\xE2\x80\xA8" "b",
                          "\xC2\x85", "x\xEF\xBB\xBF"}) {
      require_round_trip(v);
    }
  }

  TEST_CASE("twenty thousand random strings of YAML's special characters read back as written") {
    static const std::vector<std::string> k_pieces = {
        "a", "Z", "0", "1", "9", "å", " ", "\t", "\n", ":", "#", "-", "?", ",", "[", "]", "{", "}", "&", "*", "!",
        "|", ">", "'", "\"", "%", "@", "`", "\\", ".", "e", "x", "_", "+", "~", "y", "n", "o", "\xE2\x80\xA8"};
    std::mt19937 random(20261201);
    for (int i = 0; i < 20000; ++i) {
      std::string value;
      const auto length = random() % 9;
      for (unsigned j = 0; j < length; ++j) value += k_pieces[random() % k_pieces.size()];
      require_round_trip(value);
    }
  }
}
