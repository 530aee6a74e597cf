#include "report/status.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <queue>
#include <set>
#include <unordered_set>

#include "model/owners.hpp"
#include "report/timeline.hpp"
#include "util/text.hpp"

namespace bbg::report {

bool wanted(const model::Plan& plan, const model::Activity& activity, const Filter& filter) {
  if (filter.plan && plan.id != *filter.plan) return false;
  if (!filter.owner) return true;
  return std::any_of(activity.owners.begin(), activity.owners.end(),
                     [&](const std::string& owner) { return same_owner(owner, *filter.owner); });
}

namespace {

ActivityLine line_of(const model::Plan& plan, const model::Area& area, const model::Activity& activity, model::Status status) {
  return ActivityLine{plan.id, area.id, activity.id, activity.title, activity.owners, status, std::nullopt, 0, std::nullopt, {}};
}

// Most days first, then by plan and activity.
bool before(const ActivityLine& a, const ActivityLine& b) {
  if (a.days != b.days) return a.days > b.days;
  if (a.plan != b.plan) return a.plan < b.plan;
  return util::natural_less(a.id, b.id);
}

// Sorted, and no larger than it must be: at national scale the parts of a list are the peak.
void sort_by_days(std::vector<ActivityLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(), before);
  lines.shrink_to_fit();
}

}  // namespace

void Counts::add(model::Status status, bool is_overdue) {
  ++by_status[static_cast<std::size_t>(status)];
  if (is_overdue) ++overdue;
  ++total;
  if (status == model::Status::cancelled) return;
  const std::size_t share = is_overdue                              ? 2
                            : status == model::Status::done        ? 0
                            : status == model::Status::in_progress ? 1
                                                                   : 3;
  ++shares[share];
}

Counts& Counts::operator+=(const Counts& other) {
  for (std::size_t i = 0; i < by_status.size(); ++i) by_status[i] += other.by_status[i];
  for (std::size_t i = 0; i < shares.size(); ++i) shares[i] += other.shares[i];
  overdue += other.overdue;
  total += other.total;
  return *this;
}

StatusReport merge_status(std::vector<StatusReport> parts, model::Date as_of, GroupBy by) {
  StatusReport report;
  report.as_of = as_of;
  report.by = by;
  std::map<std::string, StatusRow> owners;  // as aggregate() groups them: by folded name, first spelling kept
  for (auto& part : parts) {
    report.total += part.total;
    for (auto& row : part.rows) {
      if (by != GroupBy::owner) {
        report.rows.push_back(std::move(row));
        continue;
      }
      auto [it, added] = owners.try_emplace(model::name_key(row.id));
      if (added) {
        it->second = std::move(row);
      } else {
        it->second.counts += row.counts;
      }
    }
  }
  if (by == GroupBy::owner) {
    for (auto& [key, row] : owners) report.rows.push_back(std::move(row));
  }
  return report;
}

ListReport merge_lists(std::vector<ListReport> parts, model::Date as_of) {
  // Each part is sorted: merge them, ties in the parts' order, which is what a stable sort of
  // the parts one after another gives, without the sort's buffer of half the list.
  ListReport report{as_of, {}};
  std::size_t total = 0;
  for (const auto& part : parts) total += part.activities.size();
  report.activities.reserve(total);
  std::vector<std::size_t> next(parts.size(), 0);
  const auto later = [&](std::size_t x, std::size_t y) {  // the heap's order: its top comes first
    const ActivityLine& a = parts[x].activities[next[x]];
    const ActivityLine& b = parts[y].activities[next[y]];
    if (before(b, a)) return true;
    if (before(a, b)) return false;
    return x > y;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].activities.empty()) heads.push(i);
  }
  while (!heads.empty()) {
    const std::size_t i = heads.top();
    heads.pop();
    report.activities.push_back(std::move(parts[i].activities[next[i]++]));
    if (next[i] < parts[i].activities.size()) {
      heads.push(i);
    } else {
      parts[i].activities = {};
    }
  }
  return report;
}

std::vector<std::string> owners_of(const model::Plan& plan) {
  std::vector<std::string> owners;
  std::set<std::string> seen;
  for (const auto& area : plan.areas) {
    for (const auto& activity : area.activities) {
      for (const auto& owner : activity.owners) {
        if (seen.insert(owner).second) owners.push_back(owner);
      }
    }
  }
  return owners;
}

bool same_owner(const std::string& owner, const std::string& wanted) {
  return model::name_key(owner) == model::name_key(wanted);
}

std::string owner_key(const std::string& owner) { return model::name_key(owner); }

StatusReport status_report(std::span<const model::Plan> plans, model::Date as_of, GroupBy by, const Filter& filter) {
  // What aggregate(activity_states(...)) gives, counted straight from the plans: no copy of any
  // title or owner per activity (a national report counts a hundred thousand activities).
  StatusReport report;
  report.as_of = as_of;
  report.by = by;
  std::map<std::string, StatusRow> owners;
  std::unordered_set<std::string> counted;  // the folded owners of one activity, each counted once (linear, however many)
  for (const auto& plan : plans) {
    if (filter.plan && plan.id != *filter.plan) continue;
    StatusRow plan_row{plan.id, plan.title, {}, {}};
    for (const auto& area : plan.areas) {
      StatusRow area_row{area.id, area.title, {}, {}};
      bool any = false;
      for (const auto& activity : area.activities) {
        if (!wanted(plan, activity, filter)) continue;
        any = true;
        const model::Status status = status_on(activity, plan, as_of);
        const bool is_overdue = overdue_on(activity, plan, as_of).has_value();
        area_row.counts.add(status, is_overdue);
        plan_row.counts.add(status, is_overdue);
        report.total.add(status, is_overdue);
        if (by != GroupBy::owner) continue;
        counted.clear();
        for (const auto& owner : activity.owners) {
          std::string key = model::name_key(owner);
          if (!counted.insert(key).second) continue;
          StatusRow& row = owners[key];
          if (row.id.empty()) row.id = row.title = owner;
          row.counts.add(status, is_overdue);
        }
      }
      // Without --owner every area has its row, activities or not.
      if (any || !filter.owner) plan_row.areas.push_back(std::move(area_row));
    }
    if ((!plan_row.areas.empty() || !filter.owner) && by != GroupBy::owner) report.rows.push_back(std::move(plan_row));
  }
  if (by == GroupBy::owner) {
    for (auto& [key, row] : owners) {
      if (!filter.owner || same_owner(row.id, *filter.owner)) report.rows.push_back(std::move(row));
    }
  }
  return report;
}

StatusReport aggregate(const std::vector<ActivityState>& states, model::Date as_of, GroupBy by, const Filter& filter) {
  StatusReport report;
  report.as_of = as_of;
  report.by = by;
  std::map<std::string, StatusRow> owners;
  for (const auto& s : states) {
    if (filter.plan && s.plan != *filter.plan) continue;
    if (filter.owner && std::none_of(s.owners.begin(), s.owners.end(),
                                     [&](const std::string& o) { return same_owner(o, *filter.owner); })) {
      continue;
    }
    if (report.rows.empty() || report.rows.back().id != s.plan) report.rows.push_back(StatusRow{s.plan, s.plan_title, {}, {}});
    StatusRow& plan_row = report.rows.back();
    if (plan_row.areas.empty() || plan_row.areas.back().id != s.area) plan_row.areas.push_back(StatusRow{s.area, s.area_title, {}, {}});
    plan_row.areas.back().counts.add(s.status, s.overdue);
    plan_row.counts.add(s.status, s.overdue);
    report.total.add(s.status, s.overdue);
    std::set<std::string> counted;  // an owner named twice in one activity counts once
    for (const auto& owner : s.owners) {
      const std::string key = model::name_key(owner);
      if (!counted.insert(key).second) continue;
      StatusRow& row = owners[key];
      if (row.id.empty()) row.id = row.title = owner;
      row.counts.add(s.status, s.overdue);
    }
  }
  if (by == GroupBy::owner) {
    report.rows.clear();
    for (auto& [key, row] : owners) {
      if (!filter.owner || same_owner(row.id, *filter.owner)) report.rows.push_back(std::move(row));
    }
  }
  return report;
}

ListReport overdue_report(std::span<const model::Plan> plans, model::Date as_of, const Filter& filter) {
  ListReport report{as_of, {}};
  for (const auto& plan : plans) {
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        if (!wanted(plan, activity, filter)) continue;
        const auto overdue = overdue_on(activity, plan, as_of);
        if (!overdue) continue;
        ActivityLine line = line_of(plan, area, activity, status_on(activity, plan, as_of));
        line.due = overdue->due;
        line.days = overdue->days;
        report.activities.push_back(std::move(line));
      }
    }
  }
  sort_by_days(report.activities);
  return report;
}

ListReport stale_report(std::span<const model::Plan> plans, model::Date as_of, int days, const Filter& filter) {
  ListReport report{as_of, {}};
  for (const auto& plan : plans) {
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        if (!wanted(plan, activity, filter)) continue;
        const model::Status status = status_on(activity, plan, as_of);
        if (status == model::Status::done || status == model::Status::cancelled) continue;
        ActivityLine line = line_of(plan, area, activity, status);
        line.last_update = last_update_on(activity, as_of);
        line.last_update_text = last_update_text(activity, as_of);
        std::optional<model::Date> since = line.last_update;
        if (!since && activity.start && activity.start->deadline) since = activity.start->deadline->first;
        if (!since && plan.period_start && plan.period_start->date) since = plan.period_start->date;
        if (!since) continue;
        line.days = as_of.days() - since->days();
        if (line.days <= days) continue;
        if (activity.due && activity.due->deadline) line.due = activity.due->deadline->last;
        report.activities.push_back(std::move(line));
      }
    }
  }
  sort_by_days(report.activities);
  return report;
}

}  // namespace bbg::report
