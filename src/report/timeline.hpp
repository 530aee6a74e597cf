// An activity through time: its status on any date (model/rounds.hpp: from its update log and
// the plan's known_from date), its deadlines (one, or one per round of a recurring activity) and
// whether it is overdue. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/rounds.hpp"

namespace bbg::report {

using model::status_on;
using Occurrence = model::Round;

// The rounds of a recurring activity (model::rounds_of), with their outcomes. Empty for an
// activity that does not recur.
std::vector<Occurrence> occurrences(const model::Activity& activity, const model::Plan& plan, model::Date until);

struct Overdue {
  model::Date due;  // the deadline that was missed
  long days = 0;    // day - due
};

// Overdue on `day` (SPEC.md): the deadline is before `day` and the status on `day` is
// neither done nor cancelled. A recurring activity is overdue when its latest expected round
// due before `day` has no done update dated on or before `day` (and it is not cancelled then).
std::optional<Overdue> overdue_on(const model::Activity& activity, const model::Plan& plan, model::Date day);

// The date of the last update on or before `day`, if any.
std::optional<model::Date> last_update_on(const model::Activity& activity, model::Date day);
// Its wording in the source (`date_text`, "april 2021") when the source gave no day; else empty.
std::string last_update_text(const model::Activity& activity, model::Date day);

}  // namespace bbg::report
