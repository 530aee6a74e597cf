#include "report/show.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.hpp"

namespace bbg::report {

ActivityDetail detail(const model::Plan& plan, const model::Area& area, const model::Activity& activity, model::Date as_of) {
  ActivityDetail d;
  d.plan = &plan;
  d.area = &area;
  d.activity = &activity;
  d.as_of = as_of;
  d.status = status_on(activity, plan, as_of);
  d.overdue = overdue_on(activity, plan, as_of);
  d.occurrences = occurrences(activity, plan, as_of);
  return d;
}

const model::Activity* find_in_plan(const model::Plan& plan, std::string_view id) {
  for (const auto& area : plan.areas) {
    for (const auto& activity : area.activities) {
      if (activity.id == id) return &activity;
    }
  }
  return nullptr;
}

Lookup find_activity(const std::vector<model::Plan>& plans, const std::string& address) {
  const auto slash = address.find('/');
  std::vector<Found> matches;
  std::vector<std::string> candidates, full_names;
  const std::string plan_id = slash == std::string::npos ? "" : address.substr(0, slash);
  const std::string activity_id = slash == std::string::npos ? address : address.substr(slash + 1);
  bool plan_seen = slash == std::string::npos;
  std::vector<std::string> plan_ids;
  for (const auto& plan : plans) {
    plan_ids.push_back(plan.id);
    if (!plan_id.empty() && plan.id != plan_id) continue;
    plan_seen = true;
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        candidates.push_back(activity.id);
        full_names.push_back(plan.id + "/" + activity.id);
        if (activity.id == activity_id) matches.push_back(Found{&plan, &area, &activity});
      }
    }
  }
  Lookup lookup;
  if (!plan_seen) {
    lookup.error = fmt::format("no plan with id \"{}\"", plan_id);
    if (const auto guess = util::closest_match(plan_id, plan_ids)) lookup.error += fmt::format("; did you mean \"{}\"?", *guess);
    return lookup;
  }
  if (matches.size() == 1) {
    lookup.found = matches.front();
    return lookup;
  }
  if (matches.size() > 1) {
    // The same id twice in one plan is the check's duplicate-id error, not a choice to make.
    for (std::size_t i = 1; i < matches.size(); ++i) {
      if (matches[i].plan == matches[i - 1].plan || matches[i].plan->id == matches[0].plan->id) {
        lookup.error = fmt::format("activity \"{}\" appears more than once in plan {} ({}); bbg check reports it: "
                                   "give each activity its own id first",
                                   activity_id, matches[i].plan->id, matches[i].plan->file);
        return lookup;
      }
    }
    std::vector<std::string> where;
    for (const auto& m : matches) where.push_back(m.plan->id + "/" + activity_id);
    lookup.error = fmt::format("activity \"{}\" is in several plans; name one: {}", activity_id, util::join(where));
    return lookup;
  }
  lookup.error = plan_id.empty() ? fmt::format("no activity \"{}\" in any plan", activity_id)
                                 : fmt::format("no activity \"{}\" in plan {}", activity_id, plan_id);
  if (const auto guess = util::closest_match(activity_id, candidates)) {
    const auto index = static_cast<std::size_t>(std::find(candidates.begin(), candidates.end(), *guess) - candidates.begin());
    lookup.error += fmt::format("; did you mean \"{}\"?", full_names[index]);
  }
  return lookup;
}

}  // namespace bbg::report
