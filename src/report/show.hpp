// One activity in full, as of a date: bbg show. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "report/timeline.hpp"

namespace bbg::report {

struct ActivityDetail {
  const model::Plan* plan = nullptr;
  const model::Area* area = nullptr;
  const model::Activity* activity = nullptr;
  model::Date as_of;
  model::Status status;                 // on as_of
  std::optional<Overdue> overdue;       // on as_of
  std::vector<Occurrence> occurrences;  // recurring activities: up to the plan's end (or as_of)
};

ActivityDetail detail(const model::Plan& plan, const model::Area& area, const model::Activity& activity, model::Date as_of);

// Where an activity is: found by "PLAN/ACTIVITY", or by "ACTIVITY" alone when that id is unique
// across all plans.
struct Found {
  const model::Plan* plan = nullptr;
  const model::Area* area = nullptr;
  const model::Activity* activity = nullptr;
};

// The activity `address` names, or an error message saying why none (unknown plan, unknown
// activity with a suggestion, an id used in several plans).
struct Lookup {
  std::optional<Found> found;
  std::string error;
};
Lookup find_activity(const std::vector<model::Plan>& plans, const std::string& address);

// The activity with `id` in `plan`, or nullptr.
const model::Activity* find_in_plan(const model::Plan& plan, std::string_view id);

}  // namespace bbg::report
