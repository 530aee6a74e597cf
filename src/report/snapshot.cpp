#include "report/snapshot.hpp"

#include <algorithm>

#include "report/state.hpp"

namespace bbg::report {

namespace {

bool overlaps(const model::Plan& p, const model::Deadline& span) {
  const bool started = !(p.period_start && p.period_start->date) || !(span.last < *p.period_start->date);
  const bool not_ended = !(p.period_end && p.period_end->date) || !(*p.period_end->date < span.first);
  return started && not_ended;
}

}  // namespace

std::vector<model::Plan> plans_in(std::span<const model::Plan> plans, const std::string& quarter) {
  std::vector<model::Plan> out;
  const auto span = model::parse_deadline(quarter);
  if (!span) return out;
  for (const auto& p : plans) {
    if (overlaps(p, *span)) out.push_back(p);
  }
  return out;
}

model::Snapshot assemble_snapshot(std::span<const model::Plan> plans, model::SnapshotInfo info) {
  model::Snapshot snapshot;
  const model::Date day = model::parse_date(info.as_of).value_or(model::Date());
  snapshot.activities = activity_states(plans, day);
  info.activities = static_cast<int>(snapshot.activities.size());
  info.done = static_cast<int>(std::count_if(snapshot.activities.begin(), snapshot.activities.end(),
                                             [](const auto& a) { return a.status == model::Status::done; }));
  info.overdue = static_cast<int>(
      std::count_if(snapshot.activities.begin(), snapshot.activities.end(), [](const auto& a) { return a.overdue; }));
  snapshot.info = std::move(info);
  return snapshot;
}

}  // namespace bbg::report
