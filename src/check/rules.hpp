// Semantic rules over the plan model: pure functions from plans to diagnostics.
#pragma once

#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"

namespace bbg::check {

// The schema versions this bbg reads.
inline constexpr long long k_schema_version = 1;

// Limits that keep every command's work bounded on any plan (errors limit-period, limit-rounds).
inline constexpr int k_max_period_years = 100;
inline constexpr long long k_max_rounds = 1'000;        // of one recurring activity
inline constexpr long long k_max_plan_rounds = 20'000;  // of all a plan's recurring activities

// Rules within one plan: ids, deadlines, dates, the period, status and update log.
model::Diagnostics check_plan(const model::Plan& plan);

// Rules across plans: unique plan ids, parents that exist. `plans` are all plans known, in
// a stable order (the first of two plans with the same id is the one kept).
model::Diagnostics check_plans(const std::vector<const model::Plan*>& plans);

}  // namespace bbg::check
