#include "report/timeline.hpp"

#include <algorithm>

namespace bbg::report {

using model::Date;

std::optional<Date> last_update_on(const model::Activity& activity, Date day) {
  std::optional<Date> last;
  for (const auto& update : activity.updates) {
    if (update.date && update.date->date && *update.date->date <= day) last = std::max(last.value_or(*update.date->date), *update.date->date);
  }
  return last;
}

std::string last_update_text(const model::Activity& activity, Date day) {
  const model::Update* last = nullptr;
  for (const auto& update : activity.updates) {
    if (update.date && update.date->date && *update.date->date <= day &&
        (!last || !(*update.date->date < *last->date->date))) {
      last = &update;
    }
  }
  return last ? last->date_text : std::string();
}

std::vector<Occurrence> occurrences(const model::Activity& activity, const model::Plan& plan, Date until) {
  return model::rounds_of(activity, plan, until).rounds;
}

std::optional<Overdue> overdue_on(const model::Activity& activity, const model::Plan& plan, Date day) {
  const model::Status status = status_on(activity, plan, day);
  if (status == model::Status::cancelled) return std::nullopt;
  if (activity.recurs) {
    const auto all = occurrences(activity, plan, day);
    const Occurrence* latest = nullptr;
    for (const auto& occurrence : all) {
      if (occurrence.expected && occurrence.due < day) latest = &occurrence;
    }
    if (!latest || (latest->done_on && *latest->done_on <= day)) return std::nullopt;
    return Overdue{latest->due, day.days() - latest->due.days()};
  }
  if (status == model::Status::done || !activity.due || !activity.due->deadline) return std::nullopt;
  const Date due = activity.due->deadline->last;
  if (!(due < day)) return std::nullopt;
  return Overdue{due, day.days() - due.days()};
}

}  // namespace bbg::report
