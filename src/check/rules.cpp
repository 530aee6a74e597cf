#include "check/rules.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/rounds.hpp"
#include "util/text.hpp"

namespace bbg::check {
namespace {

using model::Diagnostic;
using model::Severity;

class Collector {
 public:
  explicit Collector(const std::string& file) : m_file(file) {}

  void add(Severity severity, const model::Where& where, std::string code, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.location = {m_file, where.line, where.column};
    d.code = std::move(code);
    d.path = where.pointer;
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  model::Diagnostics take() { return std::move(m_out); }

 private:
  const std::string& m_file;
  model::Diagnostics m_out;
};

void check_date(Collector& out, const model::DateField& field) {
  if (!field.date) {
    out.add(Severity::error, field.where, "date-format",
            fmt::format("{} is not a valid date; write dates as YYYY-MM-DD, e.g. 2021-06-16", util::quote_value(field.text)));
  }
}

void check_deadline(Collector& out, const model::DeadlineField& field, const char* name) {
  if (!field.deadline) {
    out.add(Severity::error, field.where, "due-format",
            fmt::format("{}: {} is not a deadline; use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY (e.g. 2020-Q4)",
                        name, util::quote_value(field.text)));
  }
}

struct Period {
  std::optional<model::Date> start;
  std::optional<model::Date> end;
  std::string text() const {
    return fmt::format("{} – {}", start ? start->iso() : "", end ? end->iso() : "");
  }
  bool outside(model::Date first, model::Date last) const {
    return (start && last < *start) || (end && first > *end);
  }
};

// The last day of what a source's wording of a date names, when bbg can read it: a month and a
// year in Swedish or English ("april 2021", "April 2021"), a quarter ("Q2 2021", "kvartal 2
// 2021"), a year ("2021"), or the deadline grammar ("2021-04").
std::optional<model::Date> last_day_named(std::string_view text) {
  std::string lower;
  for (const char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (const auto deadline = model::parse_deadline(lower)) return deadline->last;
  static const char* const k_months[][2] = {{"januari", "january"}, {"februari", "february"}, {"mars", "march"},
                                            {"april", "april"},     {"maj", "may"},           {"juni", "june"},
                                            {"juli", "july"},       {"augusti", "august"},    {"september", "september"},
                                            {"oktober", "october"}, {"november", "november"}, {"december", "december"}};
  const auto space = lower.rfind(' ');
  if (space == std::string::npos) return std::nullopt;
  const std::string head = lower.substr(0, space);
  const std::string year = lower.substr(space + 1);
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  for (int m = 0; m < 12; ++m) {
    if (head == k_months[m][0] || head == k_months[m][1]) {
      return model::parse_deadline(year + (m < 9 ? "-0" : "-") + std::to_string(m + 1)).value().last;
    }
  }
  for (int q = 1; q <= 4; ++q) {
    if (head == fmt::format("q{}", q) || head == fmt::format("kvartal {}", q)) {
      return model::parse_deadline(fmt::format("{}-Q{}", year, q)).value().last;
    }
  }
  return std::nullopt;
}

std::string round_name(model::Date due) { return fmt::format("{}-{:02}", due.year(), due.month()); }

// The rules of rounds (SPEC.md "Deadlines"): what `round` names, and a recurring activity's own
// status, which is done only when the period's last round is.
// `listed`: the activity's rounds, listed once by check_activity (none when it does not recur).
void check_recurring(Collector& out, const model::Activity& activity, const model::Plan& plan,
                     const std::optional<model::Rounds>& listed) {
  if (!activity.recurs) {
    for (const auto& update : activity.updates) {
      if (update.round) {
        out.add(Severity::error, update.round->where, "round-unknown",
                fmt::format("round {} names a round, but this activity does not recur; remove round, or add recurs",
                            util::quote_value(update.round->text)));
      }
    }
    return;
  }
  if (!listed) return;
  const model::Rounds& rounds = *listed;
  for (const auto& update : activity.updates) {
    if (!update.round) continue;
    if (!update.round->deadline) {
      check_deadline(out, *update.round, "round");
      continue;
    }
    const auto named = model::named_rounds(rounds, update);
    if (named.empty()) {
      // The expected rounds nearest to what it names, in order.
      std::vector<std::pair<long, model::Date>> near;
      for (const auto& r : rounds.rounds) {
        if (r.expected) near.emplace_back(std::labs(r.due.days() - update.round->deadline->last.days()), r.due);
      }
      std::sort(near.begin(), near.end());
      near.resize(std::min<std::size_t>(near.size(), 2));
      std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      std::vector<std::string> examples;
      for (const auto& [distance, due] : near) examples.push_back(round_name(due));
      out.add(Severity::error, update.round->where, "round-unknown",
              fmt::format("round {} names no round of this activity{}; name the month its round falls due in{}",
                          util::quote_value(update.round->text), rounds.rounds.empty() ? " (it has none in the plan period)" : "",
                          examples.empty() ? "" : fmt::format(", e.g. {}", util::join(examples))));
    } else if (named.size() > 1) {
      std::vector<std::string> dues;
      for (const auto i : named) dues.push_back(round_name(rounds.rounds[i].due));
      out.add(Severity::error, update.round->where, "round-unknown",
              fmt::format("round {} names {} rounds ({}); name one of them", util::quote_value(update.round->text),
                          named.size(), util::join(dues)));
    } else if (!rounds.rounds[named.front()].expected) {
      out.add(Severity::warning, update.round->where, "round-not-expected",
              fmt::format("round {} fell due before the plan was adopted ({}) and is not expected; check the round",
                          util::quote_value(update.round->text), plan.adopted_on->iso()));
    }
  }
  if (activity.status != model::Status::done) return;
  const bool last_done = rounds.complete && rounds.rounds.back().done_on.has_value();
  if (activity.updates.empty() || !last_done) {
    const std::string last = rounds.complete ? fmt::format(" (due {})", rounds.rounds.back().due.iso()) : "";
    if (!activity.updates.empty() && activity.updates.back().status == model::Status::done) {
      return;  // status-mismatch says it, with the round the last update closes
    }
    out.add(Severity::error, activity.status_where, "recurring-done",
            fmt::format("status is \"done\" but this activity recurs and no update records its last round{} as done; "
                        "a recurring activity is done when its last round is: record the rounds as updates (round: "
                        "YYYY-MM), or set status: in_progress",
                        last));
  }
}

void check_activity(Collector& out, const model::Activity& activity, const model::Plan& plan, const Period& period) {
  if (activity.start) check_deadline(out, *activity.start, "start");
  if (activity.due) check_deadline(out, *activity.due, "due");
  for (const auto* field : {activity.start ? &*activity.start : nullptr, activity.due ? &*activity.due : nullptr}) {
    if (field && field->deadline && period.outside(field->deadline->first, field->deadline->last)) {
      out.add(Severity::warning, field->where, "outside-period",
              fmt::format("{} lies outside the plan period {}; check the date or the period",
                          util::quote_value(field->text), period.text()));
    }
  }
  if (activity.start && activity.due && activity.start->deadline && activity.due->deadline &&
      activity.start->deadline->first > activity.due->deadline->last) {
    out.add(Severity::error, activity.start->where, "start-after-due",
            fmt::format("start {} is after the deadline {}; swap or correct them",
                        util::quote_value(activity.start->text), util::quote_value(activity.due->text)));
  }
  if (!activity.months.empty() && !activity.recurs) {
    out.add(Severity::warning, activity.where, "months-without-recurs",
            "months is set but recurs is not; add recurs: yearly (or remove months)");
  }

  std::optional<model::Date> previous;
  for (const auto& update : activity.updates) {
    if (!update.date) continue;
    check_date(out, *update.date);
    if (!update.date->date) continue;
    if (previous && *update.date->date < *previous) {
      out.add(Severity::error, update.date->where, "update-order",
              fmt::format("update dated {} comes after one dated {}; keep updates oldest first",
                          update.date->date->iso(), previous->iso()));
    }
    if (period.outside(*update.date->date, *update.date->date)) {
      out.add(Severity::warning, update.date->where, "outside-period",
              fmt::format("update dated {} lies outside the plan period {}; check the date or the period",
                          update.date->date->iso(), period.text()));
    }
    previous = update.date->date;
    if (!update.date_text.empty()) {
      const auto named = last_day_named(update.date_text);
      if (named && *named != *update.date->date) {
        out.add(Severity::warning, update.date->where, "date-text",
                fmt::format("date {} is not the last day of {} ({}); when the source gives no day, date is the last "
                            "day of what it names",
                            update.date->date->iso(), util::quote_value(update.date_text), named->iso()));
      }
    }
  }
  if (activity.updates.empty() && activity.status && *activity.status != model::Status::planned && !plan.known_from) {
    out.add(Severity::warning, activity.status_where, "status-undated",
            fmt::format("status is \"{}\" but nothing dates it: the activity has no updates and the plan does not say "
                        "when its statuses were recorded, so it would hold on every date; add as_of: YYYY-MM-DD (the "
                        "date of the document it comes from) at the top of the plan, or record it as a dated update",
                        model::to_string(*activity.status)));
  }
  // The rounds of a recurring activity, listed once for the rules below: to the period's end, or
  // for a plan with no end as far as rounds are ever listed (model::k_open_period_years).
  std::optional<model::Rounds> rounds;
  if (activity.recurs && plan.period_start && plan.period_start->date) {
    rounds = model::rounds_of(activity, plan, plan.period_end && plan.period_end->date ? *plan.period_end->date
                                                                                     : model::Date(9999, 12, 31));
  }
  if (!activity.updates.empty() && activity.status && activity.updates.back().status) {
    const auto& last = activity.updates.back();
    const model::Status expected = rounds ? model::status_after(activity, *rounds, activity.updates.size() - 1)
                                          : model::status_after(activity, plan, activity.updates.size() - 1);
    const std::string dated = last.date ? fmt::format(" ({})", last.date->text) : "";
    if (*activity.status != expected && expected != *last.status) {
      out.add(Severity::error, activity.status_where, "status-mismatch",
              fmt::format("status is \"{}\" but the last update{} closes one round of this recurring activity, not "
                          "its last, so the activity is still \"in_progress\"; set status: in_progress (it is done "
                          "when the period's last round is)",
                          model::to_string(*activity.status), dated));
    } else if (*activity.status != expected) {
      out.add(Severity::error, activity.status_where, "status-mismatch",
              fmt::format("status is \"{}\" but the last update{} says \"{}\"; set status: {} or add an update",
                          model::to_string(*activity.status), dated, model::to_string(*last.status),
                          model::to_string(*last.status)));
    }
  }
  check_recurring(out, activity, plan, rounds);
}

// Every listing of a recurring activity's rounds (status, overdue, show, calendar, snapshots)
// is bounded: an activity, and a plan, with more rounds than the limits is an error, found by
// counting, never by listing.
void check_rounds(Collector& out, const model::Activity& activity, const Period& period, long long& total) {
  if (!activity.recurs || !period.start) return;
  model::Date first = *period.start;
  if (activity.start && activity.start->deadline) first = std::max(first, activity.start->deadline->first);
  const model::Date last =
      period.end ? *period.end : model::Date(std::min(first.year() + model::k_open_period_years, 9999), 12, 31);
  const long long rounds = model::count_rounds(activity, first, last);
  const long long before = total;
  total += rounds;
  if (rounds > k_max_rounds) {
    out.add(Severity::error, activity.recurs_where, "limit-rounds",
            fmt::format("this activity falls due {} times in the plan period{}, more than the limit of {} rounds; "
                        "shorten the period, give the activity a start, or let it recur less often",
                        rounds, period.end ? "" : " (taken as 100 years: the plan has no end)", k_max_rounds));
  } else if (before <= k_max_plan_rounds && total > k_max_plan_rounds) {
    out.add(Severity::error, activity.recurs_where, "limit-rounds",
            fmt::format("with this activity the plan's recurring activities fall due {} times in all, more than the "
                        "limit of {} rounds in one plan; shorten the period or split the plan",
                        total, k_max_plan_rounds));
  }
}

}  // namespace

model::Diagnostics check_plan(const model::Plan& plan) {
  Collector out(plan.file);
  Period period;
  for (const auto* field : {plan.period_start ? &*plan.period_start : nullptr, plan.period_end ? &*plan.period_end : nullptr}) {
    if (field) check_date(out, *field);
  }
  if (plan.period_start) period.start = plan.period_start->date;
  if (plan.period_end) period.end = plan.period_end->date;
  if (period.start && period.end && *period.end < *period.start) {
    out.add(Severity::error, plan.period_end->where, "period-order",
            fmt::format("the period ends ({}) before it starts ({}); correct period.start or period.end",
                        period.end->iso(), period.start->iso()));
    period = {};
  }
  for (const auto& field : plan.dates) check_date(out, field);
  if (period.start && period.end && period.end->year() - period.start->year() > k_max_period_years) {
    out.add(Severity::error, plan.period_start->where, "limit-period",
            fmt::format("the plan period {} is longer than the limit of {} years; a plan covers a few years: correct "
                        "the dates",
                        period.text(), k_max_period_years));
  }

  std::map<std::string, const model::Area*> areas;
  std::map<std::string, std::pair<const model::Activity*, const model::Area*>> activities;
  long long total_rounds = 0;
  for (const auto& area : plan.areas) {
    if (!area.id.empty()) {
      const auto [it, inserted] = areas.emplace(area.id, &area);
      if (!inserted) {
        out.add(Severity::error, area.id_where, "duplicate-area",
                fmt::format("area id \"{}\" is already used at line {}; area ids must be unique within a plan",
                            area.id, it->second->id_where.line));
      }
    }
    for (const auto& activity : area.activities) {
      if (!activity.id.empty()) {
        const auto [it, inserted] = activities.emplace(activity.id, std::make_pair(&activity, &area));
        if (!inserted) {
          out.add(Severity::error, activity.id_where, "duplicate-activity",
                  fmt::format("activity id \"{}\" is already used at line {}; activity ids must be unique within a plan",
                              activity.id, it->second.first->id_where.line));
        }
      }
      check_activity(out, activity, plan, period);
      check_rounds(out, activity, period, total_rounds);
    }
  }
  return out.take();
}

model::Diagnostics check_plans(const std::vector<const model::Plan*>& plans) {
  model::Diagnostics all;
  std::map<std::string, const model::Plan*> by_id;
  for (const auto* plan : plans) {
    if (plan->id.empty()) continue;
    const auto [it, inserted] = by_id.emplace(plan->id, plan);
    if (!inserted) {
      Collector out(plan->file);
      out.add(Severity::error, plan->id_where, "duplicate-plan",
              fmt::format("plan id \"{}\" is already used by {}; plan ids must be unique across the repository",
                          plan->id, it->second->file));
      for (auto& d : out.take()) all.push_back(std::move(d));
    }
  }
  std::vector<std::string> ids;
  for (const auto& [id, _] : by_id) ids.push_back(id);
  for (const auto* plan : plans) {
    if (!plan->parent) continue;
    Collector out(plan->file);
    if (*plan->parent == plan->id) {
      out.add(Severity::error, plan->parent_where, "unknown-parent",
              "a plan cannot be its own parent; set parent to the id of the plan this one implements, or null");
    } else if (!by_id.count(*plan->parent)) {
      std::string message = fmt::format("parent {} names no plan in this repository", util::quote_value(*plan->parent));
      if (const auto guess = util::closest_match(*plan->parent, ids)) {
        message += fmt::format("; did you mean \"{}\"?", *guess);
      } else {
        message += "; use the id of an existing plan, or null";
      }
      out.add(Severity::error, plan->parent_where, "unknown-parent", message);
    }
    for (auto& d : out.take()) all.push_back(std::move(d));
  }
  // Parents that lead in a circle (a -> b -> a): each plan of the circle is told, once. Every
  // plan has at most one parent, so one walk per plan, never repeated, finds them all.
  std::map<const model::Plan*, int> state;  // 1: on the walk being made, 2: done
  for (const auto* start : plans) {
    std::vector<const model::Plan*> walk;
    const model::Plan* at = start;
    while (at && !state.count(at)) {
      state[at] = 1;
      walk.push_back(at);
      const auto parent = at->parent ? by_id.find(*at->parent) : by_id.end();
      at = parent == by_id.end() || parent->second == at ? nullptr : parent->second;
    }
    if (at && state[at] == 1) {
      const auto from = std::find(walk.begin(), walk.end(), at);
      std::vector<std::string> names;
      for (auto it = from; it != walk.end() && names.size() < 6; ++it) names.push_back((*it)->id);
      names.push_back(names.size() < 6 || walk.end() - from <= 6 ? at->id : "…");
      for (auto it = from; it != walk.end(); ++it) {
        Collector out((*it)->file);
        out.add(Severity::error, (*it)->parent_where, "parent-cycle",
                fmt::format("the parents lead in a circle ({}); a plan cannot implement itself through others: set "
                            "one of these parents to the plan above them, or null",
                            util::join(names, " → ")));
        for (auto& d : out.take()) all.push_back(std::move(d));
      }
    }
    for (const auto* visited : walk) state[visited] = 2;
  }
  return all;
}

}  // namespace bbg::check
