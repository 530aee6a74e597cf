#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "check/rules.hpp"
#include "testutil.hpp"
#include "yaml/document.hpp"
#include "yaml/plan_reader.hpp"

using bbg::test::check_text;
using bbg::test::check_texts;
using bbg::test::plan_yaml;

namespace {
std::vector<std::string> codes(const bbg::check::CheckResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.code);
  return out;
}
bbg::model::Diagnostic only(const bbg::check::CheckResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics.front();
}
}  // namespace

TEST_SUITE("check::rules") {
  TEST_CASE("the minimal plan is valid") { CHECK(check_text(plan_yaml()).diagnostics.empty()); }

  TEST_CASE("status must equal the last update's status") {
    const auto r = check_text(plan_yaml("        updates:\n          - {date: 2021-01-10, status: done}\n"));
    const auto d = only(r);
    CHECK(d.code == "status-mismatch");
    CHECK(d.location.line == 15);
    CHECK(d.path == "/areas/0/activities/0/status");
  }

  TEST_CASE("updates must be in date order") {
    const auto r = check_text(plan_yaml(
        "        updates:\n"
        "          - {date: 2021-03-01, status: in_progress}\n"
        "          - {date: 2021-02-01, status: planned}\n"));
    const auto d = only(r);
    CHECK(d.code == "update-order");
    CHECK(d.location.line == 18);
    CHECK(d.path == "/areas/0/activities/0/updates/1/date");
  }

  TEST_CASE("a deadline that does not parse is an error at the value") {
    std::string text = plan_yaml();
    text.replace(text.find("2021-Q2"), 7, "2020-Q5");
    const auto d = only(check_text(text));
    CHECK(d.code == "due-format");
    CHECK(d.location.line == 14);
    CHECK(d.location.column == 14);
  }

  TEST_CASE("a deadline outside the period is a warning") {
    std::string text = plan_yaml();
    text.replace(text.find("2021-Q2"), 7, "2025");
    const auto d = only(check_text(text));
    CHECK(d.code == "outside-period");
    CHECK(d.severity == bbg::model::Severity::warning);
  }

  TEST_CASE("a year deadline in the last year of the period is inside it") {
    std::string text = plan_yaml();
    text.replace(text.find("2021-Q2"), 7, "2023");
    CHECK(check_text(text).diagnostics.empty());
  }

  TEST_CASE("activity and area ids are unique within a plan") {
    const std::string extra =
        "      - id: \"1.1\"\n"
        "        title: Igen\n"
        "        status: planned\n"
        "  - id: \"1\"\n"
        "    title: Igen\n"
        "    activities: []\n";
    const auto r = check_text(plan_yaml(extra));
    CHECK(codes(r) == std::vector<std::string>{"duplicate-activity", "duplicate-area"});
  }

  TEST_CASE("plan ids are unique across files and parents must exist") {
    std::string child = plan_yaml("", "parent: tset-plan\n");
    const auto r = check_texts({{"plans/a.yaml", plan_yaml()}, {"plans/b.yaml", child}});
    CHECK(codes(r) == std::vector<std::string>{"duplicate-plan", "unknown-parent"});
    CHECK(r.diagnostics[0].location.file == "plans/b.yaml");
    CHECK(r.diagnostics[1].message.find("did you mean \"test-plan\"") != std::string::npos);
  }

  TEST_CASE("a parent that exists is accepted") {
    std::string child = plan_yaml("", "parent: test-plan\n");
    child.replace(child.find("id: test-plan"), 13, "id: child-plan");
    CHECK(check_texts({{"plans/a.yaml", plan_yaml()}, {"plans/b.yaml", child}}).diagnostics.empty());
  }

  TEST_CASE("a period that ends before it starts is an error") {
    std::string text = plan_yaml();
    text.replace(text.find("end: 2023-12-31"), 15, "end: 2018-12-31");
    CHECK(codes(check_text(text)) == std::vector<std::string>{"period-order"});
  }

  TEST_CASE("impossible dates are reported") {
    std::string text = plan_yaml("", "review_by: 2021-02-30\n");
    const auto d = only(check_text(text));
    CHECK(d.code == "date-format");
    CHECK(d.path == "/review_by");
  }

  TEST_CASE("an unknown schema version stops the check of that file") {
    std::string text = plan_yaml();
    text.replace(0, 17, "schema_version: 2");
    const auto d = only(check_text(text));
    CHECK(d.code == "schema-version");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 17);
  }

  TEST_CASE("every finding in a file is reported, in file order") {
    std::string text = plan_yaml("        updates:\n          - {date: 2021-01-10, status: done}\n", "review_by: 2021-02-30\n");
    text.replace(text.find("2021-Q2"), 7, "2020-Q5");
    const auto r = check_text(text);
    CHECK(codes(r) == std::vector<std::string>{"date-format", "due-format", "status-mismatch"});
  }
}

TEST_SUITE("check::rules limits") {
  std::string with_period(std::string text, const std::string& period) {
    text.replace(text.find("{start: 2020-01-01, end: 2023-12-31}"), 36, period);
    return text;
  }

  TEST_CASE("a period of more than a hundred years is an error at its start") {
    const auto r = check_text(with_period(plan_yaml(), "{start: 1920-01-01, end: 2021-12-31}"));
    const auto d = only(r);
    CHECK(d.code == "limit-period");
    CHECK(d.location.line == 6);
    CHECK(check_text(with_period(plan_yaml(), "{start: 1921-01-01, end: 2021-12-31}")).diagnostics.empty());
  }

  TEST_CASE("an activity with more than a thousand rounds is an error at its recurs") {
    std::string text = with_period(plan_yaml("        recurs: monthly\n"), "{start: 1940-01-01, end: 2023-04-30}");
    CHECK(check_text(text).diagnostics.empty());  // 83 years and 4 months: 1,000 rounds
    text = with_period(plan_yaml("        recurs: monthly\n"), "{start: 1940-01-01, end: 2023-05-31}");
    const auto d = only(check_text(text));
    CHECK(d.code == "limit-rounds");
    CHECK(d.location.line == 16);
    CHECK(d.message.find("1001 times") != std::string::npos);
  }

  TEST_CASE("an activity's start shortens what is counted") {
    const auto text = with_period(plan_yaml("        recurs: monthly\n        start: 2000\n"), "{start: 1940-01-01, end: 2023-12-31}");
    CHECK(check_text(text).diagnostics.empty());
  }
}

TEST_SUITE("check::rules parents") {
  std::string plan_with(const std::string& id, const std::string& parent) {
    std::string text = plan_yaml();
    text.replace(text.find("id: test-plan"), 13, "id: " + id + "\nparent: " + parent);
    return text;
  }

  TEST_CASE("parents that lead in a circle are an error in each plan of the circle, and only there") {
    const auto r = check_texts({{"plans/a.yaml", plan_with("a", "b")},
                                {"plans/b.yaml", plan_with("b", "c")},
                                {"plans/c.yaml", plan_with("c", "b")},
                                {"plans/d.yaml", plan_with("d", "a")}});
    std::vector<std::string> files;
    for (const auto& d : r.diagnostics) {
      CHECK(d.code == "parent-cycle");
      files.push_back(d.location.file);
    }
    CHECK(files == std::vector<std::string>{"plans/b.yaml", "plans/c.yaml"});
    CHECK(r.diagnostics.at(0).message.find("b → c → b") != std::string::npos);
  }

  TEST_CASE("a long chain without a circle is no error, and is walked once") {
    std::vector<std::pair<std::string, std::string>> files;
    for (int i = 0; i < 3000; ++i) {
      files.emplace_back("plans/p" + std::to_string(i) + ".yaml", plan_with("p" + std::to_string(i), i ? "p" + std::to_string(i - 1) : "null"));
    }
    CHECK(check_texts(files).diagnostics.empty());
  }
}

TEST_SUITE("check::rules dated knowledge and rounds") {
  std::string recurring(const std::string& status, const std::string& updates, const std::string& top = "") {
    std::string text = plan_yaml("        recurs: yearly\n        months: [4, 11]\n" + updates, top);
    text.replace(text.find("        due: 2021-Q2\n"), 21, "");
    text.replace(text.find("status: planned"), 15, "status: " + status);
    return text;
  }

  TEST_CASE("a status without updates in a plan that gives no date for it is a warning that says to add as_of") {
    std::string text = plan_yaml();
    text.replace(text.find("status: planned"), 15, "status: in_progress");
    const auto d = only(check_text(text));
    CHECK(d.code == "status-undated");
    CHECK(d.severity == bbg::model::Severity::warning);
    CHECK(d.message.find("add as_of: YYYY-MM-DD") != std::string::npos);
    // With a date for the plan's statuses, or planned, there is nothing to say.
    CHECK(check_text(plan_yaml("", "as_of: 2021-06-16\n")).diagnostics.empty());
    std::string adopted = text;
    adopted.replace(adopted.find("areas:"), 6, "adopted: {by: Styrgruppen, date: 2020-04-03}\nareas:");
    CHECK(check_text(adopted).diagnostics.empty());
  }

  TEST_CASE("a recurring activity done after one round that is not its last is a status-mismatch with the fix") {
    const auto d = only(check_text(recurring("done", "        updates:\n          - {date: 2021-04-30, status: done, round: 2021-04}\n")));
    CHECK(d.code == "status-mismatch");
    CHECK(d.message.find("set status: in_progress") != std::string::npos);
    CHECK(check_text(recurring("in_progress", "        updates:\n          - {date: 2021-04-30, status: done, round: 2021-04}\n"))
              .diagnostics.empty());
    CHECK(check_text(recurring("done", "        updates:\n          - {date: 2023-11-30, status: done, round: 2023-11}\n"))
              .diagnostics.empty());
  }

  TEST_CASE("a recurring activity done without updates is an error: its last round is not recorded") {
    const auto d = only(check_text(recurring("done", "", "as_of: 2021-06-16\n")));
    CHECK(d.code == "recurring-done");
    CHECK(d.message.find("(due 2023-11-30)") != std::string::npos);
  }

  TEST_CASE("a round that names no round, or two, is an error at the round") {
    const auto none = only(check_text(recurring("in_progress", "        updates:\n          - {date: 2021-06-30, status: done, round: 2021-06}\n")));
    CHECK(none.code == "round-unknown");
    CHECK(none.path == "/areas/0/activities/0/updates/0/round");
    CHECK(none.message.find("e.g. 2021-04, 2021-11") != std::string::npos);  // the expected rounds nearest 2021-06
    const auto two = only(check_text(recurring("in_progress", "        updates:\n          - {date: 2021-06-30, status: done, round: 2021}\n")));
    CHECK(two.message.find("names 2 rounds (2021-04, 2021-11)") != std::string::npos);
    const auto plain = only(check_text(plan_yaml("        updates:\n          - {date: 2021-01-10, status: planned, round: 2021-01}\n")));
    CHECK(plain.code == "round-unknown");
    CHECK(plain.message.find("does not recur") != std::string::npos);
  }

  TEST_CASE("a round named before the plan's adoption is a warning") {
    const auto d = only(check_text(recurring("in_progress", "        updates:\n          - {date: 2020-04-30, status: done, round: 2020-04}\n",
                                             "adopted: {by: Styrgruppen, date: 2020-06-01}\n")));
    CHECK(d.code == "round-not-expected");
    CHECK(d.message.find("(2020-06-01)") != std::string::npos);
  }

  TEST_CASE("date_text that names a month wants the month's last day as date") {
    const auto d = only(check_text(plan_yaml("        updates:\n          - {date: 2021-04-15, date_text: april 2021, status: planned}\n")));
    CHECK(d.code == "date-text");
    CHECK(d.message.find("(2021-04-30)") != std::string::npos);
    CHECK(check_text(plan_yaml("        updates:\n          - {date: 2021-04-30, date_text: April 2021, status: planned}\n")).diagnostics.empty());
    CHECK(check_text(plan_yaml("        updates:\n          - {date: 2021-06-30, date_text: kvartal 2 2021, status: planned}\n")).diagnostics.empty());
    // Wording bbg cannot read ("våren 2021") is the writer's to keep right: nothing is said.
    CHECK(check_text(plan_yaml("        updates:\n          - {date: 2021-06-15, date_text: våren 2021, status: planned}\n")).diagnostics.empty());
  }
}

TEST_SUITE("check::rules rounds of a plan with no end") {
  TEST_CASE("a round named years after the start of a plan with no end is a round of it") {
    std::string text = plan_yaml("        recurs: yearly\n        months: [4]\n"
                                 "        updates:\n          - {date: 2025-04-30, status: done, round: 2025-04}\n",
                                 "as_of: 2020-01-01\n");
    text.replace(text.find("{start: 2020-01-01, end: 2023-12-31}"), 36, "{start: 2020-01-01}");
    text.replace(text.find("        due: 2021-Q2\n"), 21, "");
    text.replace(text.find("status: planned"), 15, "status: in_progress");
    CHECK(check_text(text).diagnostics.empty());
  }
}

TEST_SUITE("check::rules with a summary model") {
  // bbg check keeps only each plan's summary, so it reads no activity's texts (yaml::Texts::skip);
  // the rules must find exactly what they find on the whole model.
  TEST_CASE("the rules find the same on the bundled plans and fixtures with or without the texts") {
    std::vector<std::pair<std::string, std::string>> files = bbg::test::bundled_plan_files();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(BBG_SOURCE_DIR "/tests")) {
      if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
          entry.path().string().find("yaml-test-suite") == std::string::npos) {
        std::ifstream in(entry.path(), std::ios::binary);
        files.emplace_back(entry.path().string(), std::string(std::istreambuf_iterator<char>(in), {}));
      }
    }
    std::size_t compared = 0, skipped_titles = 0, findings = 0;
    for (const auto& [name, text] : files) {
      const auto loaded = bbg::yaml::load(text);
      if (!loaded.root || loaded.root->kind != bbg::yaml::Kind::map) continue;
      const auto whole = bbg::yaml::read_plan(*loaded.root, name, bbg::yaml::Texts::read);
      const auto summary = bbg::yaml::read_plan(*loaded.root, name, bbg::yaml::Texts::skip);
      const auto line = [](const bbg::model::Diagnostic& d) {
        return fmt::format("{}:{}:{} {} {} {}", d.location.file, d.location.line, d.location.column, d.code, d.path,
                           d.message);
      };
      std::vector<std::string> a, b;
      for (const auto& d : bbg::check::check_plan(whole)) a.push_back(line(d));
      for (const auto& d : bbg::check::check_plan(summary)) b.push_back(line(d));
      CHECK_MESSAGE(a == b, name);
      findings += a.size();
      ++compared;
      for (const auto& area : summary.areas) {
        for (const auto& activity : area.activities) skipped_titles += activity.title.empty();
      }
    }
    CHECK(compared > 20);
    CHECK(findings > 0);        // some files have findings, so equal lists mean something
    CHECK(skipped_titles > 0);  // and the summary really left the texts out
  }
}
