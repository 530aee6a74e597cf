#include "report/timeline.hpp"

#include <algorithm>

namespace bbg::report {
namespace {

using model::Date;

Date end_of_month(int year, int month) { return Date(year, month, model::days_in_month(year, month)); }

// The deadlines of a recurring activity from `first_year` to `last_year`, in order.
std::vector<Date> recurring_dues(const model::Activity& activity, int first_year, int last_year) {
  std::vector<int> months;
  switch (*activity.recurs) {
    case model::Recurrence::yearly:
      months = activity.months.empty() ? std::vector<int>{12} : activity.months;
      break;
    case model::Recurrence::quarterly: months = {3, 6, 9, 12}; break;
    case model::Recurrence::monthly: months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; break;
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  std::vector<Date> dues;
  for (int year = first_year; year <= last_year; ++year) {
    for (const int month : months) {
      if (month >= 1 && month <= 12) dues.push_back(end_of_month(year, month));
    }
  }
  return dues;
}

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
  std::optional<Date> end = plan.period_end ? plan.period_end->date : std::nullopt;
  if (!end) end = until;
  std::optional<Date> first = start;
  if (activity.start && activity.start->deadline) first = std::max(first.value_or(activity.start->deadline->first), activity.start->deadline->first);
  if (!first || *end < *first) return out;
  Date window_start = *first;
  for (const Date due : recurring_dues(activity, first->year(), end->year())) {
    if (due < *first || due > *end) continue;
    Occurrence occurrence{window_start, due, std::nullopt};
    for (const auto& update : activity.updates) {
      if (!update.date || !update.date->date || update.status != model::Status::done) continue;
      const Date when = *update.date->date;
      if (when >= window_start && when <= due) {
        occurrence.done_on = when;
        break;
      }
    }
    out.push_back(occurrence);
    window_start = Date::from_days(due.days() + 1);
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
