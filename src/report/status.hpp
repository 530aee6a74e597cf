// Reports as data: counts per status (bbg status), the overdue list (bbg overdue) and the
// stale list (bbg stale), computed for any date from the plans' update logs. Pure.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "report/state.hpp"

namespace bbg::report {

struct Counts {
  std::array<int, 5> by_status{};  // indexed by model::Status
  int overdue = 0;
  int total = 0;
  // Each activity that is not cancelled in exactly one of: done, in progress, overdue, other
  // (overdue wins over its status): the shares a progress bar shows.
  std::array<int, 4> shares{};

  void add(model::Status status, bool is_overdue);
  Counts& operator+=(const Counts& other);
  int of(model::Status status) const { return by_status[static_cast<std::size_t>(status)]; }
  double done_share() const { return total ? static_cast<double>(of(model::Status::done)) / total : 0.0; }
};

struct StatusRow {
  std::string id;
  std::string title;
  Counts counts;
  std::vector<StatusRow> areas;  // plan rows only
};

enum class GroupBy { plan, area, owner };

// Which activities a report covers. Owners match without regard to case.
struct Filter {
  std::optional<std::string> plan;
  std::optional<std::string> owner;
};

// True when `activity` of `plan` passes the filter (its plan; any of its owners).
bool wanted(const model::Plan& plan, const model::Activity& activity, const Filter& filter);

struct StatusReport {
  model::Date as_of;
  GroupBy by = GroupBy::plan;
  std::vector<StatusRow> rows;  // plans (with their areas), or owners (spelled as first seen)
  Counts total;                 // every activity once, whatever the grouping
};

StatusReport status_report(std::span<const model::Plan> plans, model::Date as_of, GroupBy by, const Filter& filter);

// The same counts from activity states (e.g. a stored snapshot): the one place they are counted.
StatusReport aggregate(const std::vector<ActivityState>& states, model::Date as_of, GroupBy by, const Filter& filter);

// One activity in a list report.
struct ActivityLine {
  std::string plan;
  std::string area;
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  model::Status status = model::Status::planned;
  std::optional<model::Date> due;           // overdue: the missed deadline
  long days = 0;                            // overdue: days overdue; stale: days quiet
  std::optional<model::Date> last_update;   // stale: the last update on or before as_of
  std::string last_update_text;             // its date as the source worded it (date_text), if it did
};

struct ListReport {
  model::Date as_of;
  std::vector<ActivityLine> activities;
};

// Every overdue activity on `as_of`, most days overdue first.
ListReport overdue_report(std::span<const model::Plan> plans, model::Date as_of, const Filter& filter);

// Open activities (not done or cancelled on `as_of`) whose last update is more than `days`
// days old, or that never had one and started (start, else the plan period's start) more
// than `days` days ago. Quietest first.
ListReport stale_report(std::span<const model::Plan> plans, model::Date as_of, int days, const Filter& filter);

// Reports on many plans put together from reports on each plan, given in file order: the same
// result as one report on all of them. bbg status and bbg overdue compute a part per plan while
// the plans are read, so that they never hold every plan at once.
StatusReport merge_status(std::vector<StatusReport> parts, model::Date as_of, GroupBy by);
ListReport merge_lists(std::vector<ListReport> parts, model::Date as_of);

// Every owner named in `plan`, once each as first spelled (for checking --owner).
std::vector<std::string> owners_of(const model::Plan& plan);

// True when `owner` matches `wanted` without regard to case (ASCII and å, ä, ö, é).
bool same_owner(const std::string& owner, const std::string& wanted);

// The key owners are grouped by: the name folded to lower case.
std::string owner_key(const std::string& owner);

}  // namespace bbg::report
