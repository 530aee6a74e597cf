#include "report/timeline.hpp"

#include <algorithm>

namespace bbg::report {
namespace {

using model::Date;

Date end_of_month(int year, int month) { return Date(year, month, model::days_in_month(year, month)); }

}  // namespace

model::Status status_on(const model::Activity& activity, Date day) {
  if (activity.updates.empty()) return activity.status.value_or(model::Status::planned);
  std::optional<model::Status> status;
  for (const auto& update : activity.updates) {
    if (!update.date || !update.date->date || *update.date->date > day) continue;
    if (update.status) status = update.status;
  }
  return status.value_or(model::Status::planned);
}

std::optional<Date> last_update_on(const model::Activity& activity, Date day) {
  std::optional<Date> last;
  for (const auto& update : activity.updates) {
    if (update.date && update.date->date && *update.date->date <= day) last = std::max(last.value_or(*update.date->date), *update.date->date);
  }
  return last;
}

std::vector<Occurrence> occurrences(const model::Activity& activity, const model::Plan& plan, Date until) {
  std::vector<Occurrence> out;
  if (!activity.recurs) return out;
  const std::optional<Date> start = plan.period_start ? plan.period_start->date : std::nullopt;
  std::optional<Date> first = start;
  if (activity.start && activity.start->deadline) first = std::max(first.value_or(activity.start->deadline->first), activity.start->deadline->first);
  if (!first) return out;
  std::optional<Date> end = plan.period_end ? plan.period_end->date : std::nullopt;
  if (!end) {
    // No end: up to `until`, and never further than check's count of rounds reaches.
    const Date far(std::min(first->year() + model::k_open_period_years, 9999), 12, 31);
    end = std::min(until, far);
  }
  if (*end < *first) return out;
  // The done updates in date order, met in step with the rounds: linear, however many there are.
  std::vector<Date> done;
  for (const auto& update : activity.updates) {
    if (update.date && update.date->date && update.status == model::Status::done) done.push_back(*update.date->date);
  }
  std::sort(done.begin(), done.end());
  const std::vector<int> months = model::round_months(activity);
  out.reserve(static_cast<std::size_t>(std::min<long long>(model::count_rounds(activity, *first, *end), 100'000)));
  Date window_start = *first;
  auto next_done = done.begin();
  for (int year = first->year(); year <= end->year(); ++year) {
    for (const int month : months) {
      const Date due = end_of_month(year, month);
      if (due < *first || due > *end) continue;
      Occurrence occurrence{window_start, due, std::nullopt};
      next_done = std::lower_bound(next_done, done.end(), window_start);
      if (next_done != done.end() && *next_done <= due) occurrence.done_on = *next_done;
      out.push_back(occurrence);
      window_start = Date::from_days(due.days() + 1);
    }
  }
  return out;
}

std::optional<Overdue> overdue_on(const model::Activity& activity, const model::Plan& plan, Date day) {
  const model::Status status = status_on(activity, day);
  if (status == model::Status::cancelled) return std::nullopt;
  if (activity.recurs) {
    const auto all = occurrences(activity, plan, day);
    const Occurrence* latest = nullptr;
    for (const auto& occurrence : all) {
      if (occurrence.due < day) latest = &occurrence;
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
