// The state of every activity on one date: the rows a snapshot stores, a diff compares and the
// status report counts. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace bbg::report {

struct ActivityState {
  std::string plan;
  std::string plan_title;
  std::string area;
  std::string area_title;
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  std::optional<model::Date> due;  // the deadline that counts on that date (for a recurring
                                   // activity: the missed occurrence, else the next one)
  model::Status status = model::Status::planned;
  bool overdue = false;
  long days_overdue = 0;

  std::string key() const { return plan + "/" + id; }
};

// Every activity of `plans`, in file order, as it stood on `as_of`.
std::vector<ActivityState> activity_states(std::span<const model::Plan> plans, model::Date as_of);

}  // namespace bbg::report
