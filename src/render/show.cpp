#include "render/show.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace bbg::render {
namespace {

using nlohmann::ordered_json;

std::string deadline_text(const std::optional<model::DeadlineField>& field) {
  if (!field) return "";
  if (field->deadline && field->deadline->kind != model::DeadlineKind::day) {
    return fmt::format("{} ({})", field->text, field->deadline->last.iso());
  }
  return field->text;
}

std::string recurrence_text(const model::Activity& a) {
  if (!a.recurs) return "";
  std::vector<std::string> months;
  for (const int m : a.months) months.push_back(std::to_string(m));
  return months.empty() ? model::to_string(*a.recurs) : fmt::format("{} ({})", model::to_string(*a.recurs), util::join(months));
}

enum class OccurrenceState { done, missed, open, not_expected };

OccurrenceState state_of(const report::Occurrence& o, model::Date as_of) {
  if (o.done_on && *o.done_on <= as_of) return OccurrenceState::done;
  if (!o.expected) return OccurrenceState::not_expected;
  return o.due < as_of ? OccurrenceState::missed : OccurrenceState::open;
}

// The source's wording of the day a round was done ("april 2021"), when its update gives one.
std::string done_text(const report::ActivityDetail& d, const report::Occurrence& o) {
  return o.done_update ? d.activity->updates[*o.done_update].date_text : std::string();
}

// An update's date as the document gave it: its wording when it names no day.
std::string update_date(const model::Update& u) {
  if (!u.date_text.empty()) return u.date_text;
  return u.date ? u.date->text : "";
}

std::string json_text(const report::ActivityDetail& d) {
  const model::Activity& a = *d.activity;
  ordered_json updates = ordered_json::array();
  for (const auto& u : a.updates) {
    updates.push_back({{"date", u.date ? u.date->text : ""},
                       {"date_text", u.date_text.empty() ? ordered_json(nullptr) : ordered_json(u.date_text)},
                       {"status", u.status ? model::to_string(*u.status) : ""},
                       {"round", u.round ? ordered_json(u.round->text) : ordered_json(nullptr)},
                       {"note", u.note},
                       {"by", u.by}});
  }
  ordered_json occurrences = ordered_json::array();
  for (const auto& o : d.occurrences) {
    const auto state = state_of(o, d.as_of);
    occurrences.push_back({{"window_start", o.window_start.iso()},
                           {"due", o.due.iso()},
                           {"expected", o.expected},
                           {"done_on", o.done_on && state == OccurrenceState::done ? ordered_json(o.done_on->iso()) : ordered_json(nullptr)},
                           {"done_on_text", state == OccurrenceState::done && !done_text(d, o).empty() ? ordered_json(done_text(d, o)) : ordered_json(nullptr)},
                           {"missed", state == OccurrenceState::missed}});
  }
  ordered_json fields = ordered_json::object();
  for (const auto& [key, value] : a.extra) fields[key] = value;
  ordered_json doc = {
      {"plan", d.plan->id},
      {"area", d.area->id},
      {"id", a.id},
      {"title", a.title},
      {"owners", a.owners},
      {"start", a.start ? ordered_json(a.start->text) : ordered_json(nullptr)},
      {"due", a.due && a.due->deadline ? ordered_json(a.due->deadline->last.iso()) : ordered_json(nullptr)},
      {"due_text", a.due_text.empty() ? (a.due ? ordered_json(a.due->text) : ordered_json(nullptr)) : ordered_json(a.due_text)},
      {"recurs", a.recurs ? ordered_json(model::to_string(*a.recurs)) : ordered_json(nullptr)},
      {"months", a.months},
      {"follow_up", a.follow_up},
      {"as_of", d.as_of.iso()},
      {"status", model::to_string(d.status)},
      {"overdue", d.overdue ? ordered_json{{"due", d.overdue->due.iso()}, {"days", d.overdue->days}} : ordered_json(nullptr)},
      {"updates", updates},
      {"occurrences", occurrences},
      {"fields", fields}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

struct Line {
  std::string key;
  std::string value;
};

std::vector<Line> summary(const report::ActivityDetail& d, Lang lang) {
  const model::Activity& a = *d.activity;
  std::vector<Line> lines = {
      {label(Label::plan, lang), fmt::format("{} — {}", d.plan->id, d.plan->title)},
      {label(Label::area, lang), fmt::format("{} — {}", d.area->id, d.area->title)},
      {label(Label::owners, lang), util::join(a.owners)},
      {label(Label::start, lang), deadline_text(a.start)},
      {label(Label::due, lang), deadline_text(a.due)},
      {label(Label::due_text, lang), a.due_text},
      {label(Label::recurs, lang), recurrence_text(a)},
      {label(Label::follow_up, lang), a.follow_up},
  };
  std::string status = status_label(d.status, lang);
  if (d.overdue) {
    status += lang == Lang::sv ? fmt::format(" — förfallen {} dagar (deadline {})", d.overdue->days, d.overdue->due.iso())
                               : fmt::format(" — overdue {} days (due {})", d.overdue->days, d.overdue->due.iso());
  }
  lines.push_back({fmt::format("{} {}", label(Label::status_on_date, lang), d.as_of.iso()), status});
  for (const auto& [key, value] : a.extra) lines.push_back({key, value});
  std::erase_if(lines, [](const Line& l) { return l.value.empty(); });
  return lines;
}

Table history_table(const report::ActivityDetail& d, Lang lang, bool csv) {
  Table t;
  t.columns = {{label(Label::date, lang)}, {label(Label::status, lang)}, {label(Label::note, lang), Align::left, false, true},
               {label(Label::by, lang)}};
  for (const auto& u : d.activity->updates) {
    t.rows.push_back({{update_date(u), ""},
                      {u.status ? status_word(*u.status, lang, csv) : "", ""},
                      {u.note, ""},
                      {u.by, ""}});
  }
  return t;
}

Table occurrence_table(const report::ActivityDetail& d, Lang lang) {
  Table t;
  t.columns = {{label(Label::occurrence_due, lang)}, {label(Label::window, lang)}, {label(Label::status, lang)}};
  for (const auto& o : d.occurrences) {
    const auto state = state_of(o, d.as_of);
    const std::string done_day = done_text(d, o).empty() ? (o.done_on ? o.done_on->iso() : "") : done_text(d, o);
    std::string text = state == OccurrenceState::done           ? fmt::format("{} {}", label(Label::done_on, lang), done_day)
                       : state == OccurrenceState::missed       ? label(Label::missed, lang)
                       : state == OccurrenceState::not_expected ? label(Label::not_expected, lang)
                                                                : label(Label::open, lang);
    t.rows.push_back({{o.due.iso(), ""},
                      {fmt::format("{} – {}", o.window_start.iso(), o.due.iso()), ""},
                      {text, state == OccurrenceState::missed ? "31" : state == OccurrenceState::done ? "32" : ""}});
  }
  return t;
}

}  // namespace

std::string render_show(const report::ActivityDetail& d, const ReportStyle& style) {
  const Lang lang = style.lang;
  if (style.format == ReportFormat::json) return json_text(d);
  const Table history = history_table(d, lang, style.format == ReportFormat::csv);
  if (style.format == ReportFormat::csv) return render_table(history, TableFormat::csv, style.table);
  const auto lines = summary(d, lang);
  std::string out;
  if (style.format == ReportFormat::markdown) {
    out += fmt::format("## {}/{} {}\n\n", markdown_text(d.plan->id), markdown_text(d.activity->id),
                       markdown_text(d.activity->title));
    for (const auto& l : lines) out += fmt::format("- **{}:** {}\n", l.key, markdown_text(l.value));
    out += fmt::format("\n### {}\n\n", label(Label::history, lang));
    out += history.rows.empty() ? fmt::format("_{}_\n", label(Label::none, lang)) : render_table(history, TableFormat::markdown, style.table);
    if (!d.occurrences.empty()) {
      out += fmt::format("\n### {}\n\n", label(Label::occurrences, lang));
      out += render_table(occurrence_table(d, lang), TableFormat::markdown, style.table);
    }
    return out;
  }
  const auto bold = [&](const std::string& s) { return style.table.color ? "\x1b[1m" + s + "\x1b[0m" : s; };
  out += bold(fmt::format("{}/{}  {}", d.plan->id, d.activity->id, util::escape_for_display(d.activity->title))) + "\n\n";
  std::size_t key_width = 0;
  for (const auto& l : lines) key_width = std::max(key_width, util::display_width(l.key));
  for (const auto& l : lines) {
    out += fmt::format("{}:{}  {}\n", l.key, std::string(key_width - util::display_width(l.key), ' '),
                       util::escape_for_display(l.value));
  }
  out += "\n" + bold(label(Label::history, lang)) + "\n";
  out += history.rows.empty() ? fmt::format("  ({})\n", label(Label::none, lang)) : render_table(history, TableFormat::table, style.table);
  if (!d.occurrences.empty()) {
    out += "\n" + bold(label(Label::occurrences, lang)) + "\n";
    out += render_table(occurrence_table(d, lang), TableFormat::table, style.table);
  }
  return out;
}

}  // namespace bbg::render
