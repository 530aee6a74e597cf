// An activity through time: its status on any date (from its update log), its deadlines
// (one, or one per occurrence of a recurring activity) and whether it is overdue. Pure.
#pragma once

#include <optional>
#include <vector>

#include "model/plan.hpp"

namespace bbg::report {

// The status on `day`: the status of the last update dated on or before `day`; `planned`
// before the first update; the activity's own `status` when it has no updates at all.
model::Status status_on(const model::Activity& activity, model::Date day);

// One occurrence of a recurring activity: due on `due`, done when a `done` update falls in
// [window_start, due].
struct Occurrence {
  model::Date window_start;
  model::Date due;
  std::optional<model::Date> done_on;  // the first done update inside the window
};

// The occurrences of a recurring activity whose deadline lies inside the plan period (or, for
// a plan with no end, on or before `until`). Empty for an activity that does not recur.
std::vector<Occurrence> occurrences(const model::Activity& activity, const model::Plan& plan, model::Date until);

struct Overdue {
  model::Date due;  // the deadline that was missed
  long days = 0;    // day - due
};

// Overdue on `day` (SPEC.md): the deadline is before `day` and the status on `day` is
// neither done nor cancelled. A recurring activity is overdue when its latest occurrence due
// before `day` has no done update in its window (and it is not cancelled on `day`).
std::optional<Overdue> overdue_on(const model::Activity& activity, const model::Plan& plan, model::Date day);

// The date of the last update on or before `day`, if any.
std::optional<model::Date> last_update_on(const model::Activity& activity, model::Date day);

}  // namespace bbg::report
