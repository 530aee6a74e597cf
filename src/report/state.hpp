// The state of every activity on one date: the rows a snapshot stores, a diff compares and the
// status report counts. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/snapshot.hpp"

namespace bbg::report {

using model::ActivityState;

// Every activity of `plans`, in file order, as it stood on `as_of`.
std::vector<ActivityState> activity_states(std::span<const model::Plan> plans, model::Date as_of);

}  // namespace bbg::report
