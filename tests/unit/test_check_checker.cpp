#include <doctest/doctest.h>

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
    sources.push_back(check::Source{"plans/broken.yaml", "schema_version: 1\nid: [", std::nullopt, true});
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
    for (const auto& source : given) CHECK(source.content.empty());  // NOLINT(bugprone-use-after-move): documented
    REQUIRE(result.diagnostics.size() == expected.diagnostics.size());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == expected.diagnostics[0].message);
    CHECK(result.diagnostics[0].location.file == "plans/p2.yaml");
  }
}
