#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <tuple>

#include "report/followup.hpp"
#include "report/show.hpp"
#include "report/state.hpp"
#include "report/status.hpp"
#include "testutil.hpp"

using namespace bbg;
using model::Date;
using model::Status;

namespace {
// Two plans: three activities with logs in one, one in the other.
std::vector<model::Plan> sample() {
  const std::string a =
      "schema_version: 1\nid: plan-a\ntitle: A\nlevel: county\norganisation: X\n"
      "period: {start: 2020-01-01, end: 2023-12-31}\n"
      "areas:\n"
      "  - id: \"1\"\n    title: Ett\n    activities:\n"
      "      - {id: \"1.1\", title: Först, owners: [Processledarna], due: 2020-Q4, status: done,\n"
      "         updates: [{date: 2020-06-01, status: in_progress}, {date: 2021-02-01, status: done}]}\n"
      "      - {id: \"1.2\", title: Sedan, owners: [Styrgruppen, Processledarna], due: 2021, status: planned}\n"
      "  - id: \"2\"\n    title: Två\n    activities:\n"
      "      - {id: \"2.1\", title: Sist, owners: [Styrgruppen], due: 2022-06, status: cancelled,\n"
      "         updates: [{date: 2021-05-01, status: cancelled}]}\n";
  const std::string b =
      "schema_version: 1\nid: plan-b\ntitle: B\nlevel: municipality\norganisation: Y\nparent: plan-a\n"
      "period: {start: 2021-01-01, end: 2022-12-31}\n"
      "areas:\n"
      "  - id: \"1\"\n    title: Ett\n    activities:\n"
      "      - {id: \"1.1\", title: Annat, owners: [processledarna], due: 2021-03-31, status: in_progress,\n"
      "         updates: [{date: 2021-01-10, status: in_progress}]}\n";
  auto result = test::check_texts({{"plans/a.yaml", a}, {"plans/b.yaml", b}});
  for (const auto& d : result.diagnostics) MESSAGE(d.message);
  REQUIRE(result.diagnostics.empty());
  return result.plans;
}
}  // namespace

TEST_SUITE("report::status") {
  TEST_CASE("counts per plan and area on a past date come from the logs") {
    const auto plans = sample();
    const auto r = report::status_report(plans, Date(2021, 1, 15), report::GroupBy::plan, {});
    REQUIRE(r.rows.size() == 2);
    const auto& a = r.rows[0];
    CHECK(a.counts.total == 3);
    CHECK(a.counts.of(Status::in_progress) == 1);  // 1.1 was not yet done
    CHECK(a.counts.of(Status::planned) == 2);      // 2.1 not yet cancelled
    CHECK(a.counts.overdue == 1);                  // 1.1, due 2020-12-31
    REQUIRE(a.areas.size() == 2);
    CHECK(a.areas[1].counts.of(Status::planned) == 1);
    CHECK(r.total.total == 4);
    CHECK(r.total.of(Status::in_progress) == 2);
  }

  TEST_CASE("an overdue activity is one share of the bar, whatever its status") {
    const auto r = report::status_report(sample(), Date(2022, 1, 10), report::GroupBy::plan, {});
    const auto& shares = r.rows[0].counts.shares;  // 1.1 done, 1.2 planned and overdue, 2.1 cancelled (no share)
    CHECK(shares == std::array<int, 4>{1, 0, 1, 0});
    const auto& b = r.rows[1].counts.shares;  // in progress but overdue
    CHECK(b == std::array<int, 4>{0, 0, 1, 0});
  }

  TEST_CASE("the done share is done over all activities") {
    const auto r = report::status_report(sample(), Date(2021, 6, 1), report::GroupBy::plan, {});
    CHECK(r.rows[0].counts.done_share() == doctest::Approx(1.0 / 3));
  }

  TEST_CASE("by owner counts an activity under each of its owners, matching case-insensitively") {
    report::Filter filter;
    filter.owner = "PROCESSLEDARNA";
    const auto r = report::status_report(sample(), Date(2021, 6, 1), report::GroupBy::owner, filter);
    CHECK(r.total.total == 3);  // 1.1 and 1.2 of plan-a, 1.1 of plan-b
    REQUIRE(r.rows.size() == 1);  // "Processledarna" and "processledarna" are one owner
    CHECK(r.rows[0].id == "Processledarna");  // spelled as first seen
    CHECK(r.rows[0].counts.total == 3);
  }

  TEST_CASE("overdue lists most days overdue first") {
    const auto r = report::overdue_report(sample(), Date(2022, 1, 10), {});
    REQUIRE(r.activities.size() == 2);
    CHECK(r.activities[0].plan == "plan-b");
    CHECK(r.activities[0].days == 285);
    CHECK(r.activities[1].id == "1.2");
    CHECK(r.activities[1].days == 10);
  }

  TEST_CASE("a plan filter keeps one plan") {
    report::Filter filter;
    filter.plan = "plan-b";
    CHECK(report::overdue_report(sample(), Date(2022, 1, 10), filter).activities.size() == 1);
  }

  TEST_CASE("stale lists open activities quiet for more than N days") {
    const auto r = report::stale_report(sample(), Date(2021, 6, 1), 90, {});
    REQUIRE(r.activities.size() == 2);
    CHECK(r.activities[0].id == "1.2");  // never updated, plan started 2020-01-01
    CHECK_FALSE(r.activities[0].last_update);
    CHECK(r.activities[1].plan == "plan-b");
    CHECK(r.activities[1].last_update == Date(2021, 1, 10));
    CHECK(r.activities[1].days == 142);
    CHECK(report::stale_report(sample(), Date(2021, 6, 1), 200, {}).activities.size() == 1);
  }

  TEST_CASE("an activity is found by PLAN/ID, or by ID alone when unique") {
    const auto plans = sample();
    CHECK(report::find_activity(plans, "plan-a/2.1").found->activity->title == "Sist");
    CHECK(report::find_activity(plans, "2.1").found);
    const auto ambiguous = report::find_activity(plans, "1.1");
    CHECK_FALSE(ambiguous.found);
    CHECK(ambiguous.error.find("plan-a/1.1, plan-b/1.1") != std::string::npos);
    CHECK(report::find_activity(plans, "plan-c/1.1").error.find("did you mean \"plan-a\"") != std::string::npos);
    CHECK(report::find_activity(plans, "plan-a/2.11").error.find("did you mean \"plan-a/2.1\"") != std::string::npos);
  }
}

namespace {
// The bundled plans and the two sample plans: real logs, owners spelled in several ways.
std::vector<model::Plan> many_plans() {
  auto result = test::check_texts(test::bundled_plan_files());
  REQUIRE(result.diagnostics.empty());
  auto plans = std::move(result.plans);
  for (auto& plan : sample()) plans.push_back(std::move(plan));
  return plans;
}

void check_same(const report::StatusRow& a, const report::StatusRow& b) {
  CHECK(a.id == b.id);
  CHECK(a.title == b.title);
  CHECK(a.counts.by_status == b.counts.by_status);
  CHECK(a.counts.shares == b.counts.shares);
  CHECK(a.counts.overdue == b.counts.overdue);
  CHECK(a.counts.total == b.counts.total);
  REQUIRE(a.areas.size() == b.areas.size());
  for (std::size_t i = 0; i < a.areas.size(); ++i) check_same(a.areas[i], b.areas[i]);
}

void check_same(const report::ActivityLine& a, const report::ActivityLine& b) {
  CHECK(std::tie(a.plan, a.area, a.id, a.title, a.owners, a.status, a.due, a.days, a.last_update) ==
        std::tie(b.plan, b.area, b.id, b.title, b.owners, b.status, b.due, b.days, b.last_update));
}
}  // namespace

TEST_SUITE("report::merge") {
  // bbg status, overdue and stale report on each plan while the plans are read and merge the
  // parts: that must give exactly the report on all plans at once.
  TEST_CASE("reports merged from one part per plan equal the report on all plans") {
    const auto plans = many_plans();
    REQUIRE(plans.size() >= 6);
    const std::vector<report::Filter> filters = {{}, {std::nullopt, std::string("processledarna")},
                                                 {std::string("plan-a"), std::nullopt}};
    for (const Date day : {Date(2019, 6, 30), Date(2021, 3, 31), Date(2022, 12, 31), Date(2025, 1, 1)}) {
      for (const auto by : {report::GroupBy::plan, report::GroupBy::area, report::GroupBy::owner}) {
        for (const auto& filter : filters) {
          CAPTURE(day.iso());
          CAPTURE(static_cast<int>(by));
          CAPTURE(filter.owner.value_or("-"));
          std::vector<report::StatusReport> status_parts;
          std::vector<report::ListReport> overdue_parts, stale_parts;
          for (const auto& plan : plans) {
            const std::span<const model::Plan> one(&plan, 1);
            status_parts.push_back(report::status_report(one, day, by, filter));
            overdue_parts.push_back(report::overdue_report(one, day, filter));
            stale_parts.push_back(report::stale_report(one, day, 60, filter));
          }
          const auto whole = report::status_report(plans, day, by, filter);
          const auto merged = report::merge_status(std::move(status_parts), day, by);
          REQUIRE(merged.rows.size() == whole.rows.size());
          for (std::size_t i = 0; i < whole.rows.size(); ++i) check_same(merged.rows[i], whole.rows[i]);
          check_same(report::StatusRow{"", "", merged.total, {}}, report::StatusRow{"", "", whole.total, {}});

          const auto overdue = report::overdue_report(plans, day, filter);
          const auto merged_overdue = report::merge_lists(std::move(overdue_parts), day);
          REQUIRE(merged_overdue.activities.size() == overdue.activities.size());
          for (std::size_t i = 0; i < overdue.activities.size(); ++i) {
            check_same(merged_overdue.activities[i], overdue.activities[i]);
          }
          const auto stale = report::stale_report(plans, day, 60, filter);
          const auto merged_stale = report::merge_lists(std::move(stale_parts), day);
          REQUIRE(merged_stale.activities.size() == stale.activities.size());
          for (std::size_t i = 0; i < stale.activities.size(); ++i) check_same(merged_stale.activities[i], stale.activities[i]);
        }
      }
    }
  }

  // status_report counts straight from the plans; the snapshot report counts the same states
  // through aggregate(activity_states()). Both must agree (aggregate leaves out empty areas).
  TEST_CASE("the status report equals the aggregate of the activities' states") {
    const auto plans = many_plans();
    for (const Date day : {Date(2019, 6, 30), Date(2021, 3, 31), Date(2025, 1, 1)}) {
      for (const auto by : {report::GroupBy::plan, report::GroupBy::area, report::GroupBy::owner}) {
        for (const report::Filter& filter : {report::Filter{}, report::Filter{std::nullopt, std::string("Skolan")}}) {
          CAPTURE(day.iso());
          CAPTURE(static_cast<int>(by));
          auto direct = report::status_report(plans, day, by, filter);
          const auto via_states = report::aggregate(report::activity_states(plans, day), day, by, filter);
          for (auto& row : direct.rows) {
            row.areas.erase(std::remove_if(row.areas.begin(), row.areas.end(), [](const report::StatusRow& a) { return a.counts.total == 0; }),
                            row.areas.end());
          }
          direct.rows.erase(std::remove_if(direct.rows.begin(), direct.rows.end(), [](const report::StatusRow& r) { return r.counts.total == 0; }),
                            direct.rows.end());
          REQUIRE(direct.rows.size() == via_states.rows.size());
          for (std::size_t i = 0; i < direct.rows.size(); ++i) check_same(direct.rows[i], via_states.rows[i]);
          check_same(report::StatusRow{"", "", direct.total, {}}, report::StatusRow{"", "", via_states.total, {}});
        }
      }
    }
  }

  TEST_CASE("owners spelled differently in different plans merge under the first spelling") {
    const auto plans = sample();  // "Processledarna" in plan-a, "processledarna" in plan-b
    std::vector<report::StatusReport> parts;
    for (auto it = plans.rbegin(); it != plans.rend(); ++it) {  // plan-b first
      parts.push_back(report::status_report(std::span<const model::Plan>(&*it, 1), Date(2021, 6, 30), report::GroupBy::owner, {}));
    }
    const auto merged = report::merge_status(std::move(parts), Date(2021, 6, 30), report::GroupBy::owner);
    REQUIRE(merged.rows.size() == 2);
    CHECK(merged.rows[0].id == "processledarna");
    CHECK(merged.rows[0].counts.total == 3);
    CHECK(merged.rows[1].id == "Styrgruppen");
  }
}

TEST_CASE("a follow-up form asks about open activities and about each begun round without a done update") {
  const std::string text =
      "schema_version: 1\nid: plan-r\ntitle: R\nlevel: county\norganisation: X\n"
      "period: {start: 2021-01-01, end: 2021-12-31}\n"
      "areas:\n"
      "  - id: \"1\"\n    title: Ett\n    activities:\n"
      "      - {id: \"1.1\", title: Kvartal, owners: [Processledarna], recurs: quarterly, status: in_progress,\n"
      "         updates: [{date: 2021-03-20, status: done}, {date: 2021-09-30, status: done}]}\n"
      "      - {id: \"1.2\", title: Klar, owners: [Processledarna], due: 2021-06, status: done,\n"
      "         updates: [{date: 2021-05-01, status: done}]}\n"
      "      - {id: \"1.3\", title: Annan, owners: [Styrgruppen], due: 2021-06, status: planned}\n";
  auto result = test::check_texts({{"plans/r.yaml", text}});
  for (const auto& d : result.diagnostics) MESSAGE(d.message);
  REQUIRE(result.diagnostics.empty());
  // On 2021-08-15: Q1 done, Q2 missed, Q3 open (its window has begun), Q4 not begun; the done
  // update of Q3 (2021-09-30) is not known yet. 1.2 was done by then; 1.3 is someone else's.
  report::Filter filter;
  filter.owner = "processledarna";
  const auto rows = report::followup_rows(result.plans, Date(2021, 8, 15), filter);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "1.1");
  CHECK(rows[0].round == Date(2021, 6, 30));
  CHECK(rows[1].round == Date(2021, 9, 30));
  CHECK(rows[1].status == Status::in_progress);  // Q1 done, not the last round
}
