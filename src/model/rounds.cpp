#include "model/rounds.hpp"

#include <algorithm>

namespace bbg::model {
namespace {

Date end_of_month(int year, int month) { return Date(year, month, days_in_month(year, month)); }

}  // namespace

Rounds rounds_of(const Activity& activity, const Plan& plan, Date until) {
  Rounds out;
  out.of_update.resize(activity.updates.size());
  if (!activity.recurs) return out;
  std::optional<Date> first = plan.period_start ? plan.period_start->date : std::nullopt;
  if (activity.start && activity.start->deadline) {
    first = std::max(first.value_or(activity.start->deadline->first), activity.start->deadline->first);
  }
  if (!first) return out;
  std::optional<Date> end = plan.period_end ? plan.period_end->date : std::nullopt;
  const bool bounded = end.has_value();
  if (!end) {
    // No end: up to `until`, and never further than check's count of rounds reaches.
    const Date far(std::min(first->year() + k_open_period_years, 9999), 12, 31);
    end = std::min(until, far);
  }
  if (*end < *first) return out;
  const std::vector<int> months = round_months(activity);
  out.rounds.reserve(static_cast<std::size_t>(std::min<long long>(count_rounds(activity, *first, *end), 100'000)));
  Date window_start = *first;
  for (int year = first->year(); year <= end->year(); ++year) {
    for (const int month : months) {
      const Date due = end_of_month(year, month);
      if (due < *first || due > *end) continue;
      Round round;
      round.window_start = window_start;
      round.due = due;
      round.expected = !plan.adopted_on || !(due < *plan.adopted_on);
      out.rounds.push_back(round);
      window_start = Date::from_days(due.days() + 1);
    }
  }
  out.complete = bounded && !out.rounds.empty();
  if (out.rounds.empty()) return out;
  // Each update to its round: by name, or by date (a binary search over the deadlines: linear in
  // the log, logarithmic in the rounds, however many there are).
  for (std::size_t i = 0; i < activity.updates.size(); ++i) {
    const Update& update = activity.updates[i];
    if (update.round) {
      const auto named = named_rounds(out, update);
      if (named.size() == 1) out.of_update[i] = named.front();
      continue;
    }
    if (!update.date || !update.date->date) continue;
    const Date date = *update.date->date;
    if (date < out.rounds.front().window_start) continue;
    const auto it = std::lower_bound(out.rounds.begin(), out.rounds.end(), date,
                                     [](const Round& r, Date d) { return r.due < d; });
    if (it != out.rounds.end()) {
      out.of_update[i] = static_cast<std::size_t>(it - out.rounds.begin());
    } else if (out.complete) {
      out.of_update[i] = out.rounds.size() - 1;  // reported after the period's last deadline
    }
  }
  for (std::size_t i = 0; i < activity.updates.size(); ++i) {
    const Update& update = activity.updates[i];
    if (!out.of_update[i] || update.status != Status::done || !update.date || !update.date->date) continue;
    Round& round = out.rounds[*out.of_update[i]];
    if (!round.done_on || *update.date->date < *round.done_on) {
      round.done_on = *update.date->date;
      round.done_update = i;
    }
  }
  return out;
}

std::vector<std::size_t> named_rounds(const Rounds& rounds, const Update& update) {
  std::vector<std::size_t> out;
  if (!update.round || !update.round->deadline) return out;
  const Deadline& named = *update.round->deadline;
  auto it = std::lower_bound(rounds.rounds.begin(), rounds.rounds.end(), named.first,
                             [](const Round& r, Date d) { return r.due < d; });
  for (; it != rounds.rounds.end() && !(named.last < it->due); ++it) {
    out.push_back(static_cast<std::size_t>(it - rounds.rounds.begin()));
  }
  return out;
}

Status status_after(const Activity& activity, const Plan& plan, std::size_t update) {
  const Status status = activity.updates[update].status.value_or(Status::planned);
  if (!activity.recurs || status != Status::done) return status;
  if (!plan.period_end || !plan.period_end->date) return Status::in_progress;  // no last round
  return status_after(activity, rounds_of(activity, plan, *plan.period_end->date), update);
}

Status status_after(const Activity& activity, const Rounds& rounds, std::size_t update) {
  const Status status = activity.updates[update].status.value_or(Status::planned);
  if (!activity.recurs || status != Status::done) return status;
  const bool last = rounds.complete && rounds.of_update[update] == rounds.rounds.size() - 1;
  return last ? Status::done : Status::in_progress;
}

Status status_on(const Activity& activity, const Plan& plan, Date day) {
  if (activity.updates.empty()) {
    const Status status = activity.status.value_or(Status::planned);
    if (status != Status::planned && plan.known_from && day < *plan.known_from) return Status::planned;
    return status;
  }
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < activity.updates.size(); ++i) {
    const Update& update = activity.updates[i];
    if (!update.date || !update.date->date || *update.date->date > day) continue;
    if (update.status) last = i;
  }
  return last ? status_after(activity, plan, *last) : Status::planned;
}

}  // namespace bbg::model
