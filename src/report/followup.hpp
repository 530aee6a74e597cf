// The rows of a follow-up form (bbg followup): what an owner is asked about on a date. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "report/status.hpp"

namespace bbg::report {

// One question: an activity that is open on the date, or one round of a recurring activity
// whose window has begun and that has no done update by then (missed or still open).
struct FormRow {
  std::string plan;
  std::string area;
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  std::optional<model::Date> round;  // the round's deadline, for a recurring activity
  std::optional<model::Date> due;    // the activity's deadline, or the round's
  model::Status status = model::Status::planned;  // the activity's on the date
};

// True when `day` lies inside the plan's period (an open end never ends).
bool in_period(const model::Plan& plan, model::Date day);

// In file order, rounds in deadline order; planned, in progress and delayed activities only, of
// the plans whose period holds the date (bbg import records no update outside a plan's period).
std::vector<FormRow> followup_rows(std::span<const model::Plan> plans, model::Date as_of, const Filter& filter);

}  // namespace bbg::report
