// What a snapshot holds, shared by the reports that compute it (report/), the store that keeps
// it (store/) and the renderers that show it (render/): the state of every activity on one date,
// and the facts about the snapshot itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/plan.hpp"

namespace bbg::model {

// One activity as it stood on a date: the rows a snapshot stores, a diff compares and the status
// report counts.
struct ActivityState {
  std::string plan;
  std::string plan_title;
  std::string area;
  std::string area_title;
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  std::optional<Date> due;  // the deadline that counts on that date (for a recurring activity:
                            // the missed occurrence, else the next one)
  Status status = Status::planned;
  bool overdue = false;
  long days_overdue = 0;
  // Rounds of a recurring activity due before that date with no done update by then (SPEC.md:
  // missed); 0 for an activity that does not recur or is cancelled. Unknown in a snapshot
  // stored before bbg kept the count (schema version 1).
  std::optional<int> rounds_missed;

  std::string key() const { return plan + "/" + id; }
};

struct SnapshotInfo {
  long long id = 0;
  std::string quarter;     // YYYY-Qn
  std::string as_of;       // YYYY-MM-DD
  std::string taken_at;    // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string git_commit;  // empty when the plans were not in a git repository
  std::string plans_hash;  // SHA-256 over the plan files' names and contents' SHA-256
  std::string bbg_version;
  int activities = 0;
  int done = 0;
  int overdue = 0;
};

struct Snapshot {
  SnapshotInfo info;
  std::vector<ActivityState> activities;
};

}  // namespace bbg::model
