#include "report/followup.hpp"

#include "model/rounds.hpp"

namespace bbg::report {

bool in_period(const model::Plan& plan, model::Date day) {
  const auto& start = plan.period_start;
  const auto& end = plan.period_end;
  return !(start && start->date && day < *start->date) && !(end && end->date && *end->date < day);
}

std::vector<FormRow> followup_rows(std::span<const model::Plan> plans, model::Date as_of, const Filter& filter) {
  std::vector<FormRow> rows;
  for (const auto& plan : plans) {
    if (!in_period(plan, as_of)) continue;
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        if (!wanted(plan, activity, filter)) continue;
        const model::Status status = model::status_on(activity, plan, as_of);
        if (status == model::Status::done || status == model::Status::cancelled) continue;
        FormRow row{plan.id, area.id, activity.id, activity.title, activity.owners, std::nullopt, std::nullopt, status};
        if (!activity.recurs) {
          if (activity.due && activity.due->deadline) row.due = activity.due->deadline->last;
          rows.push_back(std::move(row));
          continue;
        }
        // What the log said on the date: later updates are not known yet.
        model::Activity known = activity;
        std::erase_if(known.updates, [&](const model::Update& u) { return !u.date || !u.date->date || as_of < *u.date->date; });
        for (const auto& round : model::rounds_of(known, plan, as_of).rounds) {
          if (!round.expected || round.done_on || as_of < round.window_start) continue;
          FormRow r = row;
          r.round = round.due;
          r.due = round.due;
          rows.push_back(std::move(r));
        }
      }
    }
  }
  return rows;
}

}  // namespace bbg::report
