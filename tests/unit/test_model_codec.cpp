#include <doctest/doctest.h>

#include "model/codec.hpp"
#include "testutil.hpp"

using namespace bbg;

TEST_SUITE("model::codec") {
  TEST_CASE("an outcome round-trips, and a summary keeps what check needs") {
    std::string text = test::plan_yaml("        updates:\n          - {date: 2021-01-10, status: done, note: Klar, by: Anna}\n",
                                       "parent: nowhere\nreview_by: 2026-12-31\n");
    auto result = test::check_text(text);
    REQUIRE(result.plans.size() == 1);
    model::FileOutcome outcome{result.diagnostics, result.plans[0]};
    const std::string bytes = model::encode(outcome);
    const auto back = model::decode(bytes);
    REQUIRE(back);
    CHECK(model::encode(*back) == bytes);
    REQUIRE(back->plan);
    CHECK(back->plan->areas.at(0).activities.at(0).updates.at(0).note == "Klar");
    CHECK(back->plan->areas[0].activities[0].due->deadline->last == model::Date(2021, 6, 30));
    CHECK(back->diagnostics.size() == result.diagnostics.size());
    const auto summary = model::decode(model::encode(outcome, model::Detail::summary));
    REQUIRE(summary);
    CHECK(summary->plan->id == "test-plan");
    CHECK(summary->plan->parent == std::optional<std::string>("nowhere"));
    CHECK(summary->plan->areas.empty());
    CHECK(summary->plan->dates.empty());
    // The report level keeps what the reports read, and no places or notes.
    const auto report = model::decode(model::encode(outcome, model::Detail::report));
    REQUIRE(report);
    const auto& activity = report->plan->areas.at(0).activities.at(0);
    CHECK(activity.title == back->plan->areas[0].activities[0].title);
    CHECK(activity.owners == back->plan->areas[0].activities[0].owners);
    CHECK(activity.due->deadline->last == model::Date(2021, 6, 30));
    REQUIRE(activity.updates.size() == 1);
    CHECK(activity.updates[0].status == back->plan->areas[0].activities[0].updates[0].status);
    CHECK(activity.updates[0].note.empty());
    CHECK(model::encode(*report, model::Detail::report) == model::encode(outcome, model::Detail::report));
  }

  TEST_CASE("truncated or altered bytes decode to nothing, never to a crash") {
    auto result = test::check_text(test::plan_yaml());
    const std::string bytes = model::encode({result.diagnostics, result.plans.at(0)});
    for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(model::decode(std::string_view(bytes).substr(0, n)));
    std::string altered = bytes;
    altered[4] = '\x7f';  // an impossible count
    CHECK_FALSE(model::decode(altered));
    CHECK_FALSE(model::decode(bytes + "x"));
  }
}
