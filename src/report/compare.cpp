#include "report/compare.hpp"

#include <map>

namespace bbg::report {

Comparison compare(const Side& from, const Side& to) {
  Comparison c;
  c.from = from.label;
  c.to = to.label;
  c.from_as_of = from.as_of;
  c.to_as_of = to.as_of;
  std::map<std::string, const ActivityState*> before, after;
  for (const auto& a : from.activities) before[a.key()] = &a;
  for (const auto& a : to.activities) after[a.key()] = &a;

  for (const auto& a : to.activities) {
    const auto it = before.find(a.key());
    if (it == before.end()) {
      c.added.push_back(a);
      continue;
    }
    const ActivityState& old = *it->second;
    if (old.status != a.status) c.status_changes.emplace_back(old, a);
    if (!old.overdue && a.overdue) c.newly_overdue.push_back(a);
    if (old.overdue && !a.overdue) c.no_longer_overdue.push_back(a);
  }
  for (const auto& a : from.activities) {
    if (!after.count(a.key())) c.removed.push_back(a);
  }

  const StatusReport old_counts = aggregate(from.activities, from.as_of, GroupBy::area, {});
  const StatusReport new_counts = aggregate(to.activities, to.as_of, GroupBy::area, {});
  std::map<std::string, const StatusRow*> old_rows;
  for (const auto& plan : old_counts.rows) {
    old_rows[plan.id] = &plan;
    for (const auto& area : plan.areas) old_rows[plan.id + "/" + area.id] = &area;
  }
  std::map<std::string, bool> seen;
  const auto add = [&](const std::string& plan, const std::string& area, const std::string& title, const Counts* before_counts,
                       const Counts* after_counts) {
    CountChange change{plan, area, title, before_counts ? *before_counts : Counts{}, after_counts ? *after_counts : Counts{}};
    c.counts.push_back(std::move(change));
  };
  for (const auto& plan : new_counts.rows) {
    const auto old_plan = old_rows.find(plan.id);
    add(plan.id, "", plan.title, old_plan != old_rows.end() ? &old_plan->second->counts : nullptr, &plan.counts);
    seen[plan.id] = true;
    for (const auto& area : plan.areas) {
      const auto old_area = old_rows.find(plan.id + "/" + area.id);
      add(plan.id, area.id, area.title, old_area != old_rows.end() ? &old_area->second->counts : nullptr, &area.counts);
      seen[plan.id + "/" + area.id] = true;
    }
  }
  for (const auto& plan : old_counts.rows) {
    if (!seen.count(plan.id)) add(plan.id, "", plan.title, &plan.counts, nullptr);
    for (const auto& area : plan.areas) {
      if (!seen.count(plan.id + "/" + area.id)) add(plan.id, area.id, area.title, &area.counts, nullptr);
    }
  }
  return c;
}

}  // namespace bbg::report
