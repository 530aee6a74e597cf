// The rounds (occurrences) of a recurring activity and what its update log says of each
// (SPEC.md "Deadlines" and "Dated knowledge"), and so an activity's status on any date. Pure:
// the rules (check/) and the reports (report/) share it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/plan.hpp"

namespace bbg::model {

// One round of a recurring activity: due on `due`, its window the days since the round before.
struct Round {
  Date window_start;  // the activity's first day, or the day after the previous round's deadline
  Date due;
  // False for a round due before the plan was adopted (adopted.date): it is listed, never
  // expected, never missed. (Rounds before the period or the activity's `start` are not listed.)
  bool expected = true;
  std::optional<Date> done_on;             // the earliest done update of the round
  std::optional<std::size_t> done_update;  // that update's index in the activity's log
};

struct Rounds {
  std::vector<Round> rounds;  // in deadline order
  // For each update of the log (same index): its round, if it has one. An update belongs to the
  // round it names (`round`), else to the round whose window holds its date; an update after the
  // last round of the period belongs to that last round.
  std::vector<std::optional<std::size_t>> of_update;
  // rounds.back() is the last round of the plan period (the plan has an end, and it has rounds).
  bool complete = false;
};

// The rounds of a recurring activity whose deadlines lie inside the plan period and on or after
// its `start` (for a plan with no end: on or before `until`, and at most k_open_period_years from
// its start). Empty for an activity that does not recur.
Rounds rounds_of(const Activity& activity, const Plan& plan, Date until);

// The rounds that `update.round` names: those whose deadline falls in the days it names
// ("2021-04": April 2021). Empty when the update names none.
std::vector<std::size_t> named_rounds(const Rounds& rounds, const Update& update);

// What an update makes of the activity as a whole: its status, except that for a recurring
// activity a `done` that closes any round but the period's last leaves it `in_progress`.
Status status_after(const Activity& activity, const Plan& plan, std::size_t update);
// The same with the activity's rounds already listed (rounds_of, up to the end of the period).
Status status_after(const Activity& activity, const Rounds& rounds, std::size_t update);

// The status on `day` (SPEC.md): from the last update dated on or before `day` (status_after);
// `planned` before the first update. An activity without updates has its own `status` from the
// plan's known_from date on, and is `planned` before it.
Status status_on(const Activity& activity, const Plan& plan, Date day);

}  // namespace bbg::model
