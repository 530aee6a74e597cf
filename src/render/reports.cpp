#include "render/reports.hpp"

#include <cmath>
#include <functional>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.hpp"

namespace bbg::render {
namespace {

using nlohmann::ordered_json;
using report::Counts;

// The progress bar's characters and colours: done, in progress, overdue, the rest.
constexpr const char* k_bar_glyphs[] = {"█", "▓", "▒", "░"};
constexpr const char* k_bar_colors[] = {"32", "33", "31", "2"};

std::string bar_legend(Lang lang, bool color) {
  const bool sv = lang == Lang::sv;
  const char* names[] = {sv ? "klar" : "done", sv ? "pågår" : "in progress", sv ? "förfallen" : "overdue",
                         sv ? "planerad eller försenad, inte förfallen" : "planned or delayed, not overdue"};
  std::string out = sv ? "Fördelning: " : "Progress: ";
  for (std::size_t i = 0; i < 4; ++i) {
    if (i > 0) out += "  ";
    const std::string glyph = k_bar_glyphs[i];
    out += (color ? fmt::format("\x1b[{}m{}\x1b[0m", k_bar_colors[i], glyph) : glyph) + " " + names[i];
  }
  return out + (sv ? " (avbrutna räknas inte)" : " (cancelled ones are not counted)");
}

std::string dump(const ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

ordered_json counts_json(const Counts& counts) {
  ordered_json out = ordered_json::object();
  for (const auto status : model::k_all_statuses) out[model::to_string(status)] = counts.of(status);
  return out;
}

int percent(const Counts& counts) { return static_cast<int>(std::lround(counts.done_share() * 100)); }

std::vector<Cell> count_cells(const Counts& counts, const ReportStyle& style) {
  std::vector<Cell> cells;
  cells.push_back({std::to_string(counts.total), ""});
  for (const auto status : model::k_all_statuses) cells.push_back({std::to_string(counts.of(status)), ""});
  cells.push_back({std::to_string(counts.overdue), counts.overdue > 0 ? "31" : ""});
  cells.push_back({style.format == ReportFormat::csv ? std::to_string(percent(counts)) : fmt::format("{}%", percent(counts)), ""});
  cells.push_back({progress_bar(counts, 20, false), "", progress_bar(counts, 20, true)});
  return cells;
}

Table status_table(const report::StatusReport& r, const ReportStyle& style) {
  const Lang lang = style.lang;
  Table table;
  if (r.by == report::GroupBy::owner) {
    table.columns.push_back({label(Label::owner, lang), Align::left, false, true});
  } else {
    table.columns.push_back({label(Label::plan, lang)});
    if (r.by == report::GroupBy::area) table.columns.push_back({label(Label::area, lang)});
    table.columns.push_back({label(Label::title, lang), Align::left, false, true});
  }
  table.columns.push_back({label(Label::total, lang), Align::right});
  const bool csv = style.format == ReportFormat::csv;
  for (const auto status : model::k_all_statuses) table.columns.push_back({status_word(status, lang, csv), Align::right});
  table.columns.push_back({label(Label::overdue, lang), Align::right});
  table.columns.push_back({label(Label::done_share, lang), Align::right});
  table.columns.push_back({label(Label::progress, lang), Align::left, true});
  table.columns.back().legend = bar_legend(lang, style.table.color);

  const auto add = [&](std::vector<Cell> lead, const Counts& counts, bool emphasis) {
    for (auto& cell : count_cells(counts, style)) lead.push_back(std::move(cell));
    table.rows.push_back(std::move(lead));
    table.emphasis.push_back(emphasis);
  };
  for (const auto& row : r.rows) {
    if (r.by == report::GroupBy::owner) {
      add({{row.title, ""}}, row.counts, false);
      continue;
    }
    if (r.by == report::GroupBy::plan) {
      add({{row.id, ""}, {row.title, ""}}, row.counts, false);
      continue;
    }
    add({{row.id, ""}, {"", ""}, {row.title, ""}}, row.counts, true);
    for (const auto& area : row.areas) add({{row.id, ""}, {area.id, ""}, {area.title, ""}}, area.counts, false);
  }
  std::vector<Cell> total{{label(Label::total, lang), ""}};
  for (std::size_t i = 1; i + 9 < table.columns.size(); ++i) total.push_back({"", ""});
  add(total, r.total, true);
  return table;
}

TableFormat table_format(ReportFormat format) {
  switch (format) {
    case ReportFormat::csv: return TableFormat::csv;
    case ReportFormat::markdown: return TableFormat::markdown;
    default: return TableFormat::table;
  }
}

std::string owners_text(const std::vector<std::string>& owners) { return util::join(owners, ", "); }

ordered_json nullable_date(const std::optional<model::Date>& date) {
  return date ? ordered_json(date->iso()) : ordered_json(nullptr);
}

// The table of an overdue or stale list, written a row at a time: days (in `color`), plan,
// activity, title, owners, one date column (`date_text`), status.
void write_activity_list(const report::ListReport& r, Label days, const char* color, Label date,
                         const std::function<std::string(const report::ActivityLine&)>& date_text,
                         const ReportStyle& style, std::ostream& out) {
  const Lang lang = style.lang;
  const std::vector<Column> columns = {{label(days, lang), Align::right},
                                       {label(Label::plan, lang)},
                                       {label(Label::activity, lang)},
                                       {label(Label::title, lang), Align::left, false, true},
                                       {label(Label::owners, lang), Align::left, false, true},
                                       {label(date, lang)},
                                       {label(Label::status, lang)}};
  Rows rows;
  rows.count = r.activities.size();
  rows.row = [&](std::size_t i) {
    const report::ActivityLine& a = r.activities[i];
    return std::vector<Cell>{{std::to_string(a.days), color}, {a.plan}, {a.id}, {a.title}, {owners_text(a.owners)},
                             {date_text(a)}, {status_word(a.status, lang, style.format == ReportFormat::csv)}};
  };
  write_rows(columns, rows, table_format(style.format), style.table, out);
}

}  // namespace

std::string progress_bar(const Counts& counts, std::size_t width, bool color) {
  const int base = counts.shares[0] + counts.shares[1] + counts.shares[2] + counts.shares[3];
  if (base <= 0) return std::string();
  const auto& shares = counts.shares;
  std::string out;
  int cumulative = 0;
  std::size_t drawn = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    cumulative += shares[i];
    const auto upto = static_cast<std::size_t>(std::lround(static_cast<double>(cumulative) * static_cast<double>(width) / base));
    std::string segment;
    for (; drawn < upto; ++drawn) segment += k_bar_glyphs[i];
    if (!segment.empty()) out += color ? fmt::format("\x1b[{}m{}\x1b[0m", k_bar_colors[i], segment) : segment;
  }
  return out;
}

std::string render_status(const report::StatusReport& r, const ReportStyle& style) {
  if (style.format == ReportFormat::json) {
    ordered_json doc = {{"as_of", r.as_of.iso()}};
    if (r.by == report::GroupBy::owner) {
      ordered_json owners = ordered_json::array();
      for (const auto& row : r.rows) {
        owners.push_back({{"owner", row.id}, {"counts", counts_json(row.counts)}, {"overdue", row.counts.overdue},
                          {"total", row.counts.total}});
      }
      doc["owners"] = owners;
    } else {
      ordered_json plans = ordered_json::array();
      for (const auto& row : r.rows) {
        ordered_json areas = ordered_json::array();
        for (const auto& area : row.areas) {
          areas.push_back({{"id", area.id}, {"title", area.title}, {"counts", counts_json(area.counts)},
                           {"overdue", area.counts.overdue}, {"total", area.counts.total}});
        }
        plans.push_back({{"id", row.id}, {"title", row.title}, {"counts", counts_json(row.counts)},
                         {"overdue", row.counts.overdue}, {"total", row.counts.total}, {"areas", areas}});
      }
      doc["plans"] = plans;
    }
    return dump(doc);
  }
  Table table = status_table(r, style);
  std::string out;
  if (style.format == ReportFormat::table) {
    out += fmt::format("{} {}\n", label(Label::status_on_date, style.lang), r.as_of.iso());
  }
  return out + render_table(std::move(table), table_format(style.format), style.table);
}

void write_overdue(report::ListReport r, const ReportStyle& style, std::ostream& out) {
  const Lang lang = style.lang;
  if (style.format == ReportFormat::json) {
    ordered_json list = ordered_json::array();
    for (const auto& a : r.activities) {
      list.push_back({{"plan", a.plan}, {"area", a.area}, {"id", a.id}, {"title", a.title}, {"owners", a.owners},
                      {"due", a.due ? a.due->iso() : ""}, {"days_overdue", a.days}, {"status", model::to_string(a.status)}});
    }
    out << dump({{"as_of", r.as_of.iso()}, {"activities", list}});
    return;
  }
  if (style.format == ReportFormat::table && r.activities.empty()) {
    out << fmt::format("{} ({} {})\n", label(Label::no_overdue, lang), label(Label::as_of, lang), r.as_of.iso());
    return;
  }
  write_activity_list(r, Label::days_overdue, "31", Label::due,
                      [](const report::ActivityLine& a) { return a.due ? a.due->iso() : std::string(); }, style, out);
}

void write_stale(report::ListReport r, int days, const ReportStyle& style, std::ostream& out) {
  const Lang lang = style.lang;
  if (style.format == ReportFormat::json) {
    ordered_json list = ordered_json::array();
    for (const auto& a : r.activities) {
      list.push_back({{"plan", a.plan}, {"area", a.area}, {"id", a.id}, {"title", a.title}, {"owners", a.owners},
                      {"status", model::to_string(a.status)}, {"last_update", nullable_date(a.last_update)},
                      {"last_update_text", a.last_update_text.empty() ? ordered_json(nullptr) : ordered_json(a.last_update_text)},
                      {"days_quiet", a.days}, {"due", nullable_date(a.due)}});
    }
    out << dump({{"as_of", r.as_of.iso()}, {"days", days}, {"activities", list}});
    return;
  }
  if (style.format == ReportFormat::table && r.activities.empty()) {
    out << fmt::format("{} ({} {})\n", label(Label::no_stale, lang), label(Label::as_of, lang), r.as_of.iso());
    return;
  }
  write_activity_list(
      r, Label::days_quiet, "33", Label::last_update,
      [&](const report::ActivityLine& a) -> std::string {
        if (!a.last_update_text.empty()) return a.last_update_text;  // the source named no day
        return a.last_update ? a.last_update->iso() : label(Label::never, lang);
      },
      style, out);
}

}  // namespace bbg::render
