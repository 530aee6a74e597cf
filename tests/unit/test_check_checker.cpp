#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

#include "check/checker.hpp"
#include "testutil.hpp"

using namespace bbg;

namespace {
std::vector<check::Source> sources_of(int n) {
  std::vector<check::Source> sources;
  for (int i = 0; i < n; ++i) {
    check::Source s;
    s.file = "plans/p" + std::to_string(i) + ".yaml";
    std::string text = test::plan_yaml();
    text.replace(text.find("id: test-plan"), 13, "id: plan-" + std::to_string(i));
    s.content = text;
    sources.push_back(std::move(s));
  }
  return sources;
}
}  // namespace

TEST_SUITE("check::check_sources") {
  TEST_CASE("on_plan sees every plan in full while the result keeps summaries") {
    auto sources = sources_of(12);
    check::Source broken;
    broken.file = "plans/broken.yaml";
    broken.content = "schema_version: 1\nid: [";
    sources.push_back(broken);
    std::mutex lock;
    std::set<std::size_t> seen;
    std::size_t activities = 0;
    check::CheckOptions options;
    options.threads = 3;
    options.keep_models = false;
    options.on_plan = [&](std::size_t index, const model::Plan& plan) {
      const std::lock_guard<std::mutex> guard(lock);
      CHECK(seen.insert(index).second);
      CHECK(plan.id == "plan-" + std::to_string(index));
      for (const auto& area : plan.areas) activities += area.activities.size();
    };
    const auto result = check::check_sources(sources, test::schema(), options);
    CHECK(seen.size() == 12);  // not the broken file: it has no plan
    CHECK(activities == 12);
    REQUIRE(result.plans.size() == 12);
    REQUIRE(result.plan_source.size() == 12);
    for (std::size_t i = 0; i < result.plans.size(); ++i) {
      CHECK(result.plan_source[i] == i);
      CHECK(result.plans[i].areas.empty());  // a summary
    }
    CHECK_FALSE(sources[0].content.empty());  // given as const: untouched
  }

  TEST_CASE("sources handed over are freed as they are checked, with the same result") {
    auto kept = sources_of(5);
    auto given = kept;
    kept[2].content += "extra_key: 1\n";
    given[2].content += "extra_key: 1\n";
    const auto expected = check::check_sources(kept, test::schema());
    const auto result = check::check_sources(std::move(given), test::schema());
    // Only the text of the file with a finding is kept, in the result.
    REQUIRE(result.texts.size() == 1);
    CHECK(result.texts.at("plans/p2.yaml") == kept[2].content);
    REQUIRE(result.diagnostics.size() == expected.diagnostics.size());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == expected.diagnostics[0].message);
    CHECK(result.diagnostics[0].location.file == "plans/p2.yaml");
  }

  TEST_CASE("deferred sources are read by the workers, and read again for a finding across files") {
    auto texts = sources_of(6);
    texts[4].content = texts[1].content;  // plan-1 twice: a duplicate plan id, found across files
    std::vector<check::Source> sources;
    std::atomic<int> reads{0};
    for (const auto& text : texts) {
      check::Source s;
      s.file = text.file;
      s.deferred = [&reads, text] {
        ++reads;
        return text;
      };
      sources.push_back(std::move(s));
    }
    const auto result = check::check_sources(std::move(sources), test::schema());
    REQUIRE(result.plans.size() == 6);
    CHECK(result.plans[3].id == "plan-3");
    std::set<std::string> flagged;
    for (const auto& d : result.diagnostics) {
      if (d.code == "duplicate-plan") flagged.insert(d.location.file);
    }
    REQUIRE_FALSE(flagged.empty());
    CHECK(reads == static_cast<int>(6 + flagged.size()));  // a flagged file is read again for its source lines
    // The texts of the flagged files, and only theirs, come back with the result.
    CHECK(result.texts.size() == flagged.size());
    for (const auto& file : flagged) CHECK_FALSE(result.texts.at(file).empty());
  }
}
