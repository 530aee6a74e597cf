// What changed between two states of the plans (two snapshots, a snapshot and now, or two git
// revisions): bbg diff, and the "since last quarter" part of bbg report. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report/state.hpp"
#include "report/status.hpp"

namespace bbg::report {

struct Side {
  std::string label;  // what the user named: 2021-Q2, now, origin/main
  model::Date as_of;
  std::vector<ActivityState> activities;
};

struct CountChange {
  std::string plan;
  std::string area;  // empty for the plan's own row
  std::string title;
  Counts before;
  Counts after;
};

struct Comparison {
  std::string from;
  std::string to;
  model::Date from_as_of;
  model::Date to_as_of;
  std::vector<ActivityState> added;    // in `to` only
  std::vector<ActivityState> removed;  // in `from` only
  std::vector<std::pair<ActivityState, ActivityState>> status_changes;  // (from, to), status differs
  std::vector<ActivityState> newly_overdue;      // as in `to`
  std::vector<ActivityState> no_longer_overdue;  // as in `to`
  std::vector<CountChange> counts;               // per plan and area, in `to`'s order, then `from`-only ones
};

Comparison compare(const Side& from, const Side& to);

}  // namespace bbg::report
