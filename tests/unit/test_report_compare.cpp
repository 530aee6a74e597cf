#include <doctest/doctest.h>

#include "report/compare.hpp"

using namespace bbg;
using model::ActivityState;

namespace {
ActivityState state(const std::string& id, model::Status status, bool overdue) {
  ActivityState a;
  a.plan = "p";
  a.plan_title = "P";
  a.area = id.substr(0, 1);
  a.area_title = "A";
  a.id = id;
  a.title = "T" + id;
  a.status = status;
  a.overdue = overdue;
  return a;
}
}  // namespace

TEST_SUITE("report::compare") {
  TEST_CASE("added, removed, transitions and overdue changes are found") {
    const report::Side from{"2021-Q1", model::Date(2021, 3, 31),
                            {state("1.1", model::Status::planned, true), state("1.2", model::Status::planned, false),
                             state("2.1", model::Status::in_progress, false)}};
    const report::Side to{"2021-Q2", model::Date(2021, 6, 30),
                          {state("1.1", model::Status::done, false), state("1.2", model::Status::planned, true),
                           state("1.3", model::Status::planned, false)}};
    const auto c = report::compare(from, to);
    REQUIRE(c.added.size() == 1);
    CHECK(c.added[0].id == "1.3");
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].id == "2.1");
    REQUIRE(c.status_changes.size() == 1);
    CHECK(c.status_changes[0].first.status == model::Status::planned);
    CHECK(c.status_changes[0].second.status == model::Status::done);
    REQUIRE(c.newly_overdue.size() == 1);
    CHECK(c.newly_overdue[0].id == "1.2");
    REQUIRE(c.no_longer_overdue.size() == 1);
    CHECK(c.no_longer_overdue[0].id == "1.1");
    // Rows: the plan, its areas in `to`, then area 2 that only `from` has.
    REQUIRE(c.counts.size() == 3);
    CHECK(c.counts[0].area.empty());
    CHECK(c.counts[0].before.total == 3);
    CHECK(c.counts[0].after.total == 3);
    CHECK(c.counts[2].area == "2");
    CHECK(c.counts[2].after.total == 0);
  }
}
