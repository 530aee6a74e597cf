#include <doctest/doctest.h>

#include "report/state.hpp"
#include "report/timeline.hpp"
#include "testutil.hpp"

using namespace bbg;
using model::Date;
using model::Status;

namespace {
model::Plan plan_of(const std::string& activity_extra, const std::string& due = "2021-Q2") {
  std::string text = test::plan_yaml(activity_extra);
  text.replace(text.find("2021-Q2"), 7, due);
  auto result = test::check_text(text);  // may hold a status-mismatch: the tests set status themselves
  REQUIRE(result.plans.size() == 1);
  return result.plans.front();
}
const model::Activity& first(const model::Plan& plan) { return plan.areas.at(0).activities.at(0); }

const std::string k_log =
    "        updates:\n"
    "          - {date: 2021-03-01, status: in_progress}\n"
    "          - {date: 2021-09-15, status: done}\n";
}  // namespace

TEST_SUITE("report::timeline") {
  TEST_CASE("the status on a date comes from the last update on or before it") {
    const auto plan = plan_of(k_log);
    // status: planned in the fixture differs from the last update; fix it for this test.
    auto activity = first(plan);
    activity.status = Status::done;
    CHECK(report::status_on(activity, plan, Date(2021, 2, 28)) == Status::planned);
    CHECK(report::status_on(activity, plan, Date(2021, 3, 1)) == Status::in_progress);
    CHECK(report::status_on(activity, plan, Date(2021, 9, 14)) == Status::in_progress);
    CHECK(report::status_on(activity, plan, Date(2021, 9, 15)) == Status::done);
  }

  TEST_CASE("an activity without updates has its own status on every date when the plan gives no date for it") {
    const auto plan = plan_of("");
    auto activity = first(plan);
    activity.status = Status::delayed;
    CHECK_FALSE(plan.known_from);
    CHECK(report::status_on(activity, plan, Date(2019, 1, 1)) == Status::delayed);
  }
}

TEST_SUITE("model::rounds dated knowledge") {
  model::Plan dated(const std::string& top, const std::string& activity = "") {
    auto result = test::check_text(test::plan_yaml(activity, top));
    REQUIRE(result.plans.size() == 1);
    return result.plans.front();
  }

  TEST_CASE("a status without updates is known from as_of, and planned before it") {
    auto plan = dated("as_of: 2021-06-16\nadopted: {by: Styrgruppen, date: 2020-04-03}\nrevisions: [2020-09-04]\n");
    REQUIRE(plan.known_from);
    CHECK(*plan.known_from == Date(2021, 6, 16));
    auto activity = first(plan);
    activity.status = Status::delayed;
    CHECK(model::status_on(activity, plan, Date(2021, 6, 15)) == Status::planned);
    CHECK(model::status_on(activity, plan, Date(2021, 6, 16)) == Status::delayed);
  }

  TEST_CASE("without as_of the statuses are known from the last revision, else from the adoption") {
    const auto revised = dated("adopted: {by: Styrgruppen, date: 2020-04-03}\nrevisions: [2021-06-16, 2020-09-04]\n");
    CHECK(revised.known_from == Date(2021, 6, 16));  // the latest, whatever the order written
    const auto adopted = dated("adopted: {by: Styrgruppen, date: 2020-04-03}\n");
    CHECK(adopted.known_from == Date(2020, 4, 3));
  }

  TEST_CASE("a dated update is not moved by as_of") {
    auto plan = dated("as_of: 2023-01-01\n", "        updates:\n          - {date: 2021-03-01, status: in_progress}\n");
    auto activity = first(plan);
    activity.status = Status::in_progress;
    CHECK(model::status_on(activity, plan, Date(2021, 3, 1)) == Status::in_progress);
  }
}

TEST_SUITE("model::rounds") {
  model::Plan recurring(const std::string& updates, const std::string& top = "", const std::string& months = "[4, 11]") {
    std::string text = test::plan_yaml("        recurs: yearly\n        months: " + months + "\n" + updates, top);
    text.replace(text.find("        due: 2021-Q2\n"), 21, "");
    auto result = test::check_text(text);
    REQUIRE(result.plans.size() == 1);
    return result.plans.front();
  }

  TEST_CASE("rounds due before the plan was adopted are listed but never expected or missed") {
    const auto plan = recurring("", "adopted: {by: Styrgruppen, date: 2020-04-03}\n");
    const auto& activity = first(plan);
    const auto all = report::occurrences(activity, plan, Date(2030, 1, 1));
    REQUIRE(all.size() == 8);
    CHECK(all[0].due == Date(2020, 4, 30));
    CHECK(all[0].expected);  // due after the adoption on 2020-04-03
    const auto early = recurring("", "adopted: {by: Styrgruppen, date: 2020-05-01}\n");
    const auto listed = report::occurrences(first(early), early, Date(2030, 1, 1));
    CHECK_FALSE(listed[0].expected);
    CHECK(listed[1].expected);
    // On 2020-06-01 the only round due so far was before the adoption: nothing is overdue.
    CHECK_FALSE(report::overdue_on(first(early), early, Date(2020, 6, 1)));
    CHECK(report::overdue_on(first(early), early, Date(2020, 12, 1))->due == Date(2020, 11, 30));
  }

  TEST_CASE("an update that names its round belongs to it, whatever its date") {
    const auto plan = recurring("        updates:\n          - {date: 2021-05-20, status: done, round: 2021-04}\n");
    const auto rounds = model::rounds_of(first(plan), plan, Date(2030, 1, 1));
    REQUIRE(rounds.of_update.size() == 1);
    REQUIRE(rounds.of_update[0]);
    CHECK(rounds.rounds[*rounds.of_update[0]].due == Date(2021, 4, 30));
    CHECK(rounds.rounds[*rounds.of_update[0]].done_on == Date(2021, 5, 20));
    // Without the name, the same date falls in the window of the November round.
    const auto unnamed = recurring("        updates:\n          - {date: 2021-05-20, status: done}\n");
    const auto by_date = model::rounds_of(first(unnamed), unnamed, Date(2030, 1, 1));
    CHECK(by_date.rounds[*by_date.of_update[0]].due == Date(2021, 11, 30));
  }

  TEST_CASE("a recurring activity is done only when the period's last round is") {
    const auto one = recurring("        updates:\n          - {date: 2021-04-30, date_text: april 2021, status: done, round: 2021-04}\n");
    CHECK(model::status_after(first(one), one, 0) == Status::in_progress);
    CHECK(model::status_on(first(one), one, Date(2021, 5, 1)) == Status::in_progress);
    const auto last = recurring("        updates:\n          - {date: 2023-11-30, status: done, round: 2023-11}\n");
    CHECK(model::status_after(first(last), last, 0) == Status::done);
    // Reported after the period's last deadline, without a round: it is the last round's.
    const auto late = recurring("        updates:\n          - {date: 2024-01-15, status: done}\n");
    CHECK(model::status_after(first(late), late, 0) == Status::done);
  }

  TEST_CASE("an activity's state counts the rounds due before its date that have no done update by then") {
    // Rounds 2020-04, 2020-11, 2021-04 (done in May), 2021-11, ...
    const auto plan = recurring("        updates:\n          - {date: 2021-05-20, status: done, round: 2021-04}\n");
    const auto on = [&](Date day) { return report::activity_states(std::span(&plan, 1), day).at(0).rounds_missed; };
    CHECK(on(Date(2020, 4, 30)) == 0);  // due that day, not missed yet
    CHECK(on(Date(2020, 5, 1)) == 1);
    CHECK(on(Date(2021, 5, 19)) == 3);  // 2021-04 is late and not done yet
    CHECK(on(Date(2021, 5, 20)) == 2);  // done late: no longer missed
    CHECK(on(Date(2022, 1, 1)) == 3);
    // An activity that does not recur misses no rounds, however late it is.
    const auto once = plan_of("");
    CHECK(report::activity_states(std::span(&once, 1), Date(2025, 1, 1)).at(0).rounds_missed == 0);
    CHECK(report::activity_states(std::span(&once, 1), Date(2025, 1, 1)).at(0).overdue);
  }

  TEST_CASE("a round name that covers two rounds names none of them") {
    const auto plan = recurring("        updates:\n          - {date: 2021-04-30, status: done, round: 2021}\n");
    const auto rounds = model::rounds_of(first(plan), plan, Date(2030, 1, 1));
    CHECK(model::named_rounds(rounds, first(plan).updates[0]).size() == 2);
    CHECK_FALSE(rounds.of_update[0]);
  }

  TEST_CASE("overdue the day after the deadline, not on it") {
    const auto plan = plan_of("");
    CHECK_FALSE(report::overdue_on(first(plan), plan, Date(2021, 6, 30)));
    const auto overdue = report::overdue_on(first(plan), plan, Date(2021, 7, 1));
    REQUIRE(overdue);
    CHECK(overdue->due == Date(2021, 6, 30));
    CHECK(overdue->days == 1);
  }

  TEST_CASE("done on a date means not overdue on it, but overdue before it was done") {
    auto plan = plan_of(k_log);
    auto& activity = plan.areas[0].activities[0];
    activity.status = Status::done;
    CHECK(report::overdue_on(activity, plan, Date(2021, 9, 1))->days == 63);
    CHECK_FALSE(report::overdue_on(activity, plan, Date(2021, 9, 15)));
  }

  TEST_CASE("cancelled activities and activities without a deadline are never overdue") {
    auto plan = plan_of("");
    auto& activity = plan.areas[0].activities[0];
    activity.status = Status::cancelled;
    CHECK_FALSE(report::overdue_on(activity, plan, Date(2030, 1, 1)));
    activity.status = Status::planned;
    activity.due.reset();
    CHECK_FALSE(report::overdue_on(activity, plan, Date(2030, 1, 1)));
  }

  TEST_CASE("a yearly activity with months recurs in those months inside the period") {
    auto plan = plan_of("        recurs: yearly\n        months: [4, 11]\n"
                        "        updates:\n          - {date: 2021-04-20, status: done}\n");
    auto& activity = plan.areas[0].activities[0];
    activity.due.reset();
    const auto all = report::occurrences(activity, plan, Date(2030, 1, 1));
    REQUIRE(all.size() == 8);  // 2020-2023, April and November
    CHECK(all[0].window_start == Date(2020, 1, 1));
    CHECK(all[0].due == Date(2020, 4, 30));
    CHECK(all[1].window_start == Date(2020, 5, 1));
    CHECK(all[2].due == Date(2021, 4, 30));
    CHECK(all[2].done_on == Date(2021, 4, 20));
    CHECK_FALSE(all[3].done_on);
    // The latest occurrence before 2021-05-15 was done: not overdue. Before 2021-12-10 it was missed.
    CHECK_FALSE(report::overdue_on(activity, plan, Date(2021, 5, 15)));
    CHECK(report::overdue_on(activity, plan, Date(2021, 12, 10))->days == 10);
  }

  TEST_CASE("quarterly and monthly activities recur at the end of each quarter or month") {
    auto plan = plan_of("        recurs: quarterly\n");
    auto& activity = plan.areas[0].activities[0];
    activity.due.reset();
    CHECK(report::occurrences(activity, plan, Date(2030, 1, 1)).size() == 16);
    activity.recurs = model::Recurrence::monthly;
    const auto monthly = report::occurrences(activity, plan, Date(2030, 1, 1));
    REQUIRE(monthly.size() == 48);
    CHECK(monthly[1].due == Date(2020, 2, 29));
  }

  TEST_CASE("a yearly activity without months is due at the end of each year") {
    auto plan = plan_of("        recurs: yearly\n");
    auto& activity = plan.areas[0].activities[0];
    activity.due.reset();
    const auto all = report::occurrences(activity, plan, Date(2030, 1, 1));
    REQUIRE(all.size() == 4);
    CHECK(all[3].due == Date(2023, 12, 31));
  }
}

TEST_SUITE("report::timeline bounds") {
  model::Plan plan_over(const std::string& period, const std::string& recurrence) {
    std::string text = test::plan_yaml("        recurs: " + recurrence + "\n");
    text.replace(text.find("{start: 2020-01-01, end: 2023-12-31}"), 36, period);
    text.replace(text.find("        due: 2021-Q2\n"), 21, "");
    auto result = test::check_text(text);
    REQUIRE(result.plans.size() == 1);
    return result.plans.front();
  }

  TEST_CASE("the rounds counted are the rounds listed, for every kind and period") {
    for (const char* recurrence : {"monthly", "quarterly", "yearly", "yearly\n        months: [4, 11]"}) {
      for (const char* period : {"{start: 2020-01-01, end: 2023-12-31}", "{start: 2020-05-15, end: 2020-11-29}",
                                 "{start: 2021-04-30, end: 2021-04-30}", "{start: 1951-02-01, end: 2033-06-30}",
                                 "{start: 2020-12-31, end: 2021-01-30}"}) {
        CAPTURE(recurrence);
        CAPTURE(period);
        const model::Plan plan = plan_over(period, recurrence);
        const auto& activity = first(plan);
        const auto listed = report::occurrences(activity, plan, Date(2100, 1, 1));
        CHECK(static_cast<long long>(listed.size()) ==
              model::count_rounds(activity, *plan.period_start->date, *plan.period_end->date));
      }
    }
  }

  TEST_CASE("a plan with no end lists its rounds for at most a hundred years") {
    const model::Plan plan = plan_over("{start: 1000-01-01}", "yearly");
    const auto listed = report::occurrences(first(plan), plan, Date(9999, 12, 31));
    CHECK(listed.size() == 101);  // 1000 to 1100
    CHECK(listed.back().due == Date(1100, 12, 31));
  }

  TEST_CASE("each round finds its done update, however many updates there are") {
    std::string updates = "        updates:\n";
    for (int month = 1; month <= 12; ++month) {
      updates += "          - {date: 2021-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-10, status: done}\n";
    }
    std::string text = test::plan_yaml("        recurs: quarterly\n" + updates);
    text.replace(text.find("        due: 2021-Q2\n"), 21, "");
    const auto result = test::check_text(text);
    const auto& plan = result.plans.front();
    const auto listed = report::occurrences(first(plan), plan, Date(2030, 1, 1));
    REQUIRE(listed.size() == 16);
    CHECK_FALSE(listed[3].done_on);                   // 2020-Q4: nothing
    CHECK(listed[4].done_on == Date(2021, 1, 10));    // 2021-Q1: the first done in its window
    CHECK(listed[5].done_on == Date(2021, 4, 10));
    CHECK_FALSE(listed[8].done_on);                   // 2022-Q1
  }
}
