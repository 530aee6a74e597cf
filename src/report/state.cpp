#include "report/state.hpp"

#include "report/timeline.hpp"

namespace bbg::report {

std::vector<ActivityState> activity_states(std::span<const model::Plan> plans, model::Date as_of) {
  std::vector<ActivityState> out;
  for (const auto& plan : plans) {
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        ActivityState s;
        s.plan = plan.id;
        s.plan_title = plan.title;
        s.area = area.id;
        s.area_title = area.title;
        s.id = activity.id;
        s.title = activity.title;
        s.owners = activity.owners;
        s.status = status_on(activity, plan, as_of);
        s.rounds_missed = 0;
        if (activity.recurs && s.status != model::Status::cancelled) {
          for (const auto& round : occurrences(activity, plan, as_of)) {
            if (round.expected && round.due < as_of && !(round.done_on && *round.done_on <= as_of)) ++*s.rounds_missed;
          }
        }
        if (const auto overdue = overdue_on(activity, plan, as_of)) {
          s.overdue = true;
          s.days_overdue = overdue->days;
          s.due = overdue->due;
        } else if (activity.recurs) {
          for (const auto& occurrence : occurrences(activity, plan, as_of)) {
            if (occurrence.expected && !(occurrence.due < as_of)) {
              s.due = occurrence.due;
              break;
            }
          }
        } else if (activity.due && activity.due->deadline) {
          s.due = activity.due->deadline->last;
        }
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

}  // namespace bbg::report
