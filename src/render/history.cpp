#include "render/history.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace bbg::render {
namespace {

using nlohmann::ordered_json;
using model::ActivityState;
using report::Counts;

bool sv(Lang lang) { return lang == Lang::sv; }

std::string dump(const ordered_json& doc) { return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

ordered_json counts_json(const Counts& c) {
  ordered_json out = ordered_json::object();
  for (const auto status : model::k_all_statuses) out[model::to_string(status)] = c.of(status);
  out["overdue"] = c.overdue;
  out["total"] = c.total;
  return out;
}

ordered_json activity_json(const ActivityState& a) {
  return {{"plan", a.plan}, {"area", a.area}, {"id", a.id}, {"title", a.title}, {"owners", a.owners},
          {"status", model::to_string(a.status)}, {"due", a.due ? ordered_json(a.due->iso()) : ordered_json(nullptr)},
          {"overdue", a.overdue}, {"days_overdue", a.overdue ? ordered_json(a.days_overdue) : ordered_json(nullptr)}};
}

int percent(const Counts& c) { return static_cast<int>(std::lround(c.done_share() * 100)); }

std::string change(int before, int after) {
  if (before == after) return std::to_string(after);
  return fmt::format("{} → {} ({:+})", before, after, after - before);
}

TableFormat table_format(ReportFormat f) {
  return f == ReportFormat::csv ? TableFormat::csv : f == ReportFormat::markdown ? TableFormat::markdown : TableFormat::table;
}

const char* heading(const char* en, const char* sv_text, Lang lang) { return sv(lang) ? sv_text : en; }

Table activity_table(const std::vector<ActivityState>& list, Lang lang, bool with_days) {
  Table t;
  t.columns = {Column(label(Label::plan, lang)), Column(label(Label::activity, lang)),
               Column(label(Label::title, lang), Align::left, false, true), Column(label(Label::status, lang)),
               Column(label(Label::due, lang))};
  if (with_days) t.columns.emplace_back(label(Label::days_overdue, lang), Align::right);
  for (const auto& a : list) {
    std::vector<Cell> row{Cell(a.plan), Cell(a.id), Cell(a.title), Cell(status_label(a.status, lang)), Cell(a.due ? a.due->iso() : "")};
    if (with_days) row.emplace_back(std::to_string(a.days_overdue), "31");
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table transitions_table(const report::Comparison& c, Lang lang) {
  Table t;
  t.columns = {Column(label(Label::plan, lang)), Column(label(Label::activity, lang)),
               Column(label(Label::title, lang), Align::left, false, true), Column(heading("From", "Från", lang)),
               Column(heading("To", "Till", lang))};
  for (const auto& [from, to] : c.status_changes) {
    t.rows.push_back({Cell(to.plan), Cell(to.id), Cell(to.title), Cell(status_label(from.status, lang)),
                      Cell(status_label(to.status, lang), to.status == model::Status::done ? "32" : "")});
  }
  return t;
}

Table counts_table(const report::Comparison& c, Lang lang) {
  Table t;
  t.columns = {Column(label(Label::plan, lang)), Column(label(Label::area, lang)), Column(label(Label::title, lang), Align::left, false, true),
               Column(label(Label::total, lang), Align::right), Column(status_label(model::Status::done, lang), Align::right),
               Column(status_label(model::Status::in_progress, lang), Align::right), Column(label(Label::overdue, lang), Align::right),
               Column(label(Label::done_share, lang), Align::right)};
  for (const auto& row : c.counts) {
    const auto same = [](const Counts& a, const Counts& b) { return a.by_status == b.by_status && a.overdue == b.overdue; };
    if (same(row.before, row.after)) continue;  // only what changed
    t.rows.push_back({Cell(row.plan), Cell(row.area), Cell(row.title), Cell(change(row.before.total, row.after.total)),
                      Cell(change(row.before.of(model::Status::done), row.after.of(model::Status::done))),
                      Cell(change(row.before.of(model::Status::in_progress), row.after.of(model::Status::in_progress))),
                      Cell(change(row.before.overdue, row.after.overdue)),
                      Cell(percent(row.before) == percent(row.after) ? fmt::format("{}%", percent(row.after))
                                                                     : fmt::format("{}% → {}%", percent(row.before), percent(row.after)))});
    t.emphasis.push_back(row.area.empty());
  }
  return t;
}

// One section: a heading and a table, or a line saying there is nothing.
std::string section(const std::string& title, const Table& table, const ReportStyle& style, bool markdown) {
  std::string out = markdown ? fmt::format("\n### {}\n\n", markdown_text(title)) : fmt::format("\n{}\n", style.table.color ? "\x1b[1m" + title + "\x1b[0m" : title);
  if (table.rows.empty()) return out + (markdown ? fmt::format("_{}_\n", label(Label::none, style.lang)) : fmt::format("  ({})\n", label(Label::none, style.lang)));
  return out + render_table(table, markdown ? TableFormat::markdown : TableFormat::table, style.table);
}

std::string escape_html(std::string_view s) {
  std::string out;
  for (const char c : util::escape_for_display(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_snapshots(const std::vector<model::SnapshotInfo>& snapshots, const ReportStyle& style) {
  const Lang lang = style.lang;
  if (style.format == ReportFormat::json) {
    ordered_json list = ordered_json::array();
    for (const auto& s : snapshots) {
      list.push_back({{"quarter", s.quarter}, {"as_of", s.as_of}, {"taken_at", s.taken_at},
                      {"git_commit", s.git_commit.empty() ? ordered_json(nullptr) : ordered_json(s.git_commit)},
                      {"plans_hash", s.plans_hash}, {"activities", s.activities}, {"done", s.done}, {"overdue", s.overdue}});
    }
    return dump({{"snapshots", list}});
  }
  if (style.format == ReportFormat::table && snapshots.empty()) {
    return sv(lang) ? "Inga ögonblicksbilder ännu; ta en med bbg snapshot\n" : "No snapshots yet; take one with bbg snapshot\n";
  }
  Table t;
  t.columns = {Column(heading("Quarter", "Kvartal", lang)), Column(heading("As of", "Per", lang)), Column(heading("Taken", "Tagen", lang)),
               Column(heading("Commit", "Commit", lang)), Column(label(Label::total, lang), Align::right),
               Column(heading("Done", "Klara", lang), Align::right), Column(label(Label::overdue, lang), Align::right)};
  for (const auto& s : snapshots) {
    t.rows.push_back({Cell(s.quarter), Cell(s.as_of), Cell(s.taken_at), Cell(s.git_commit.substr(0, 12)),
                      Cell(std::to_string(s.activities)), Cell(std::to_string(s.done)), Cell(std::to_string(s.overdue))});
  }
  return render_table(t, table_format(style.format), style.table);
}

std::string render_comparison(const report::Comparison& c, const ReportStyle& style) {
  const Lang lang = style.lang;
  if (style.format == ReportFormat::json) {
    const auto list = [](const std::vector<ActivityState>& v) {
      ordered_json out = ordered_json::array();
      for (const auto& a : v) out.push_back(activity_json(a));
      return out;
    };
    ordered_json transitions = ordered_json::array();
    for (const auto& [from, to] : c.status_changes) {
      transitions.push_back({{"plan", to.plan}, {"area", to.area}, {"id", to.id}, {"title", to.title},
                             {"from", model::to_string(from.status)}, {"to", model::to_string(to.status)}});
    }
    ordered_json counts = ordered_json::array();
    for (const auto& row : c.counts) {
      counts.push_back({{"plan", row.plan}, {"area", row.area.empty() ? ordered_json(nullptr) : ordered_json(row.area)},
                        {"title", row.title}, {"before", counts_json(row.before)}, {"after", counts_json(row.after)}});
    }
    return dump({{"from", {{"label", c.from}, {"as_of", c.from_as_of.iso()}}},
                 {"to", {{"label", c.to}, {"as_of", c.to_as_of.iso()}}},
                 {"added", list(c.added)},
                 {"removed", list(c.removed)},
                 {"status_changes", transitions},
                 {"newly_overdue", list(c.newly_overdue)},
                 {"no_longer_overdue", list(c.no_longer_overdue)},
                 {"counts", counts}});
  }
  if (style.format == ReportFormat::csv) {
    // One vocabulary per language (labels.hpp): the kinds of change and the status words in
    // English as JSON writes them, in Swedish as the tables do.
    const auto word = [&](model::Status status) { return Cell(csv_status(status, lang)); };
    const auto kind = [&](const char* en, const char* sv_word) { return Cell(heading(en, sv_word, lang)); };
    Table t;
    t.columns = {Column(heading("change", "ändring", lang)), Column(heading("plan", "plan", lang)),
                 Column(heading("area", "område", lang)),    Column("id"),
                 Column(heading("title", "titel", lang)),    Column(heading("from", "från", lang)),
                 Column(heading("to", "till", lang))};
    for (const auto& a : c.added) t.rows.push_back({kind("added", "tillagd"), Cell(a.plan), Cell(a.area), Cell(a.id), Cell(a.title), Cell(""), word(a.status)});
    for (const auto& a : c.removed) t.rows.push_back({kind("removed", "borttagen"), Cell(a.plan), Cell(a.area), Cell(a.id), Cell(a.title), word(a.status), Cell("")});
    for (const auto& [from, to] : c.status_changes) {
      t.rows.push_back({kind("status", "status"), Cell(to.plan), Cell(to.area), Cell(to.id), Cell(to.title), word(from.status), word(to.status)});
    }
    for (const auto& a : c.newly_overdue) t.rows.push_back({kind("newly_overdue", "ny_förfallen"), Cell(a.plan), Cell(a.area), Cell(a.id), Cell(a.title), Cell(""), Cell(std::to_string(a.days_overdue))});
    for (const auto& a : c.no_longer_overdue) t.rows.push_back({kind("no_longer_overdue", "inte_längre_förfallen"), Cell(a.plan), Cell(a.area), Cell(a.id), Cell(a.title), Cell(""), word(a.status)});
    return render_table(t, TableFormat::csv, style.table);
  }
  const bool md = style.format == ReportFormat::markdown;
  std::string out = md ? fmt::format("## {} {} ({}) → {} ({})\n", heading("Changes", "Förändringar", lang), c.from, c.from_as_of.iso(), c.to, c.to_as_of.iso())
                       : fmt::format("{} {} ({}) → {} ({})\n", heading("Changes from", "Förändringar från", lang), c.from, c.from_as_of.iso(), c.to, c.to_as_of.iso());
  out += section(heading("Status changes", "Statusändringar", lang), transitions_table(c, lang), style, md);
  out += section(heading("Newly overdue", "Nya förfallna", lang), activity_table(c.newly_overdue, lang, true), style, md);
  out += section(heading("No longer overdue", "Inte längre förfallna", lang), activity_table(c.no_longer_overdue, lang, false), style, md);
  out += section(heading("Added", "Tillagda", lang), activity_table(c.added, lang, false), style, md);
  out += section(heading("Removed", "Borttagna", lang), activity_table(c.removed, lang, false), style, md);
  out += section(heading("Changed counts", "Ändrade antal", lang), counts_table(c, lang), style, md);
  return out;
}

namespace {

struct Parts {
  report::StatusReport status;
  report::Comparison changes;
  // Owner as first spelled -> overdue activities; owners that differ only in case are one.
  std::vector<std::pair<std::string, std::vector<ActivityState>>> overdue_by_owner;
};

Parts parts_of(const QuarterlyReport& r) {
  const auto& current = *r.current;
  const model::Date as_of = model::parse_date(current.info.as_of).value_or(model::Date());
  Parts p;
  p.status = report::aggregate(current.activities, as_of, report::GroupBy::area, {});
  if (r.previous) {
    p.changes = report::compare({r.previous->info.quarter, model::parse_date(r.previous->info.as_of).value_or(model::Date()), r.previous->activities},
                                {current.info.quarter, as_of, current.activities});
  }
  std::map<std::string, std::pair<std::string, std::vector<ActivityState>>> by_key;
  for (const auto& a : current.activities) {
    if (!a.overdue) continue;
    std::vector<std::string> owners = a.owners.empty() ? std::vector<std::string>{"—"} : a.owners;
    for (const auto& owner : owners) {
      auto& entry = by_key[report::owner_key(owner)];
      if (entry.first.empty()) entry.first = owner;
      if (entry.second.empty() || entry.second.back().key() != a.key()) entry.second.push_back(a);
    }
  }
  for (auto& [key, entry] : by_key) p.overdue_by_owner.push_back(std::move(entry));
  for (auto& [owner, list] : p.overdue_by_owner) {
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.days_overdue > y.days_overdue; });
  }
  return p;
}

std::string markdown_report(const QuarterlyReport& r, Lang lang) {
  const Parts p = parts_of(r);
  ReportStyle style;
  style.format = ReportFormat::markdown;
  style.lang = lang;
  const auto& info = r.current->info;
  std::string out = fmt::format("# {} {}\n\n", heading("Status report", "Lägesrapport", lang), info.quarter);
  out += fmt::format("{} {}. {} {}{}.\n", heading("State as of", "Läget per", lang), info.as_of,
                     heading("Snapshot taken", "Ögonblicksbilden togs", lang), info.taken_at,
                     info.git_commit.empty() ? "" : fmt::format(", commit `{}`", info.git_commit.substr(0, 12)));
  out += fmt::format("\n## {}\n\n", heading("Summary", "Sammanfattning", lang));
  out += render_status(p.status, style);
  out += fmt::format("\n## {}\n", heading("Changes since the previous snapshot", "Förändringar sedan förra ögonblicksbilden", lang));
  if (!r.previous) {
    out += fmt::format("\n_{}_\n", heading("This is the first snapshot.", "Detta är den första ögonblicksbilden.", lang));
  } else {
    out += fmt::format("\n{} {} ({}).\n", heading("Compared with", "Jämfört med", lang), r.previous->info.quarter, r.previous->info.as_of);
    out += section(heading("Status changes", "Statusändringar", lang), transitions_table(p.changes, lang), style, true);
    out += section(heading("Newly overdue", "Nya förfallna", lang), activity_table(p.changes.newly_overdue, lang, true), style, true);
    out += section(heading("Added", "Tillagda", lang), activity_table(p.changes.added, lang, false), style, true);
    out += section(heading("Removed", "Borttagna", lang), activity_table(p.changes.removed, lang, false), style, true);
  }
  out += fmt::format("\n## {}\n", heading("Overdue by owner", "Förfallna per ansvarig", lang));
  if (p.overdue_by_owner.empty()) out += fmt::format("\n_{}_\n", label(Label::no_overdue, lang));
  for (const auto& [owner, list] : p.overdue_by_owner) out += section(owner, activity_table(list, lang, true), style, true);
  out += fmt::format("\n## {}\n\n", heading("Trend", "Utveckling", lang));
  Table trend;
  trend.columns = {Column(heading("Quarter", "Kvartal", lang)), Column(label(Label::total, lang), Align::right),
                   Column(status_label(model::Status::done, lang), Align::right), Column(label(Label::overdue, lang), Align::right),
                   Column(label(Label::done_share, lang), Align::right)};
  for (const auto& s : r.history) {
    const int share = s.activities ? static_cast<int>(std::lround(100.0 * s.done / s.activities)) : 0;
    trend.rows.push_back({Cell(s.quarter), Cell(std::to_string(s.activities)), Cell(std::to_string(s.done)),
                          Cell(std::to_string(s.overdue)), Cell(fmt::format("{}%", share))});
  }
  out += render_table(trend, TableFormat::markdown, style.table);
  return out;
}

// A stacked bar per subject area: done, in progress, overdue, other.
std::string area_chart(const report::StatusReport& status, Lang lang) {
  const int row_height = 22, label_width = 260, bar_width = 380;
  int rows = 0;
  for (const auto& plan : status.rows) rows += 1 + static_cast<int>(plan.areas.size());
  const int height = rows * row_height + 40;
  std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}">)",
                                label_width + bar_width + 60, height, heading("Status per subject area", "Status per ämnesområde", lang));
  static const char* k_colors[] = {"#2e7d32", "#f9a825", "#c62828", "#bdbdbd"};
  int y = 10;
  for (const auto& plan : status.rows) {
    svg += fmt::format(R"(<text x="0" y="{}" font-weight="bold" font-size="12">{}</text>)", y + 14, escape_html(util::truncate_to_width(plan.title, 60)));
    y += row_height;
    for (const auto& area : plan.areas) {
      svg += fmt::format(R"(<text x="8" y="{}" font-size="11">{} {}</text>)", y + 14, escape_html(area.id),
                         escape_html(util::truncate_to_width(area.title, 34)));
      const auto& s = area.counts.shares;
      const int base = s[0] + s[1] + s[2] + s[3];
      double x = label_width;
      for (std::size_t i = 0; i < 4 && base > 0; ++i) {
        const double w = static_cast<double>(bar_width) * s[i] / base;
        if (w > 0) svg += fmt::format(R"(<rect x="{:.1f}" y="{}" width="{:.1f}" height="14" fill="{}"/>)", x, y + 3, w, k_colors[i]);
        x += w;
      }
      svg += fmt::format(R"(<text x="{}" y="{}" font-size="11">{}%</text>)", label_width + bar_width + 6, y + 14, percent(area.counts));
      y += row_height;
    }
  }
  const char* names[] = {status_label(model::Status::done, lang), status_label(model::Status::in_progress, lang),
                         label(Label::overdue, lang), heading("other", "övrigt", lang)};
  int x = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    svg += fmt::format(R"(<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" font-size="11">{}</text>)", x,
                       y + 8, k_colors[i], x + 14, y + 17, escape_html(names[i]));
    x += 120;
  }
  return svg + "</svg>";
}

// The done share over the stored quarters.
std::string trend_chart(const std::vector<model::SnapshotInfo>& history, Lang lang) {
  const int width = 640, height = 220, left = 40, bottom = 30, top = 10;
  std::string svg = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}">)",
                                width, height, heading("Done share per quarter", "Andel klara per kvartal", lang));
  const int plot_h = height - bottom - top, plot_w = width - left - 20;
  for (int pct = 0; pct <= 100; pct += 25) {
    const int y = top + plot_h - plot_h * pct / 100;
    svg += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e0e0e0"/><text x="0" y="{}" font-size="10">{}%</text>)", left, y,
                       left + plot_w, y, y + 4, pct);
  }
  std::string points;
  const std::size_t n = history.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = history[i];
    const double share = s.activities ? static_cast<double>(s.done) / s.activities : 0.0;
    const double x = left + (n == 1 ? plot_w / 2.0 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1));
    const double y = top + plot_h - plot_h * share;
    points += fmt::format("{:.1f},{:.1f} ", x, y);
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="#2e7d32"/>)", x, y);
    if (n <= 12 || i % ((n + 11) / 12) == 0) {
      svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="10" text-anchor="middle">{}</text>)", x, height - 10, escape_html(s.quarter));
    }
  }
  if (n > 1) svg += fmt::format(R"(<polyline points="{}" fill="none" stroke="#2e7d32" stroke-width="2"/>)", points);
  return svg + "</svg>";
}

std::string html_table(const Table& t) {
  std::string out = "<table><thead><tr>";
  for (const auto& c : t.columns) {
    if (c.terminal_only) continue;
    out += fmt::format("<th{}>{}</th>", c.align == Align::right ? " class=\"num\"" : "", escape_html(c.header));
  }
  out += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool bold = r < t.emphasis.size() && t.emphasis[r];
    out += bold ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      if (t.columns[c].terminal_only) continue;
      const std::string& text = t.rows[r][c].text;
      const bool date = text.size() == 10 && model::parse_date(text);
      out += fmt::format("<td{}>{}</td>", t.columns[c].align == Align::right ? " class=\"num\"" : date ? " class=\"date\"" : "",
                         escape_html(text));
    }
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string html_section(const std::string& title, const Table& t, Lang lang) {
  return fmt::format("<h3>{}</h3>\n", escape_html(title)) + (t.rows.empty() ? fmt::format("<p class=\"none\">{}</p>\n", label(Label::none, lang)) : html_table(t));
}

std::string html_report(const QuarterlyReport& r, Lang lang) {
  const Parts p = parts_of(r);
  const auto& info = r.current->info;
  ReportStyle style;
  style.lang = lang;
  style.format = ReportFormat::markdown;
  std::string body;
  body += fmt::format("<h1>{} {}</h1>\n<p class=\"meta\">{} {}. {} {}{}.</p>\n", heading("Status report", "Lägesrapport", lang),
                      escape_html(info.quarter), heading("State as of", "Läget per", lang), escape_html(info.as_of),
                      heading("Snapshot taken", "Ögonblicksbilden togs", lang), escape_html(info.taken_at),
                      info.git_commit.empty() ? "" : fmt::format(", commit <code>{}</code>", escape_html(info.git_commit.substr(0, 12))));
  body += fmt::format("<h2>{}</h2>\n", heading("Summary", "Sammanfattning", lang));
  body += area_chart(p.status, lang) + "\n";
  // The status table as HTML: reuse the terminal table's columns without the bar.
  {
    report::StatusReport s = p.status;
    style.table.color = false;
    Table t;
    t.columns = {Column(label(Label::area, lang)), Column(label(Label::title, lang)), Column(label(Label::total, lang), Align::right)};
    for (const auto status : model::k_all_statuses) t.columns.emplace_back(status_label(status, lang), Align::right);
    t.columns.emplace_back(label(Label::overdue, lang), Align::right);
    t.columns.emplace_back(label(Label::done_share, lang), Align::right);
    const auto add = [&](const std::string& area, const std::string& title, const Counts& c, bool bold) {
      std::vector<Cell> row{Cell(area), Cell(title), Cell(std::to_string(c.total))};
      for (const auto status : model::k_all_statuses) row.emplace_back(std::to_string(c.of(status)));
      row.emplace_back(std::to_string(c.overdue));
      row.emplace_back(fmt::format("{}%", percent(c)));
      t.rows.push_back(std::move(row));
      t.emphasis.push_back(bold);
    };
    for (const auto& plan : s.rows) {
      add("", plan.title, plan.counts, true);
      for (const auto& area : plan.areas) add(area.id, area.title, area.counts, false);
    }
    add("", label(Label::total, lang), s.total, true);
    body += html_table(t);
  }
  body += fmt::format("<h2>{}</h2>\n", heading("Changes since the previous snapshot", "Förändringar sedan förra ögonblicksbilden", lang));
  if (!r.previous) {
    body += fmt::format("<p>{}</p>\n", heading("This is the first snapshot.", "Detta är den första ögonblicksbilden.", lang));
  } else {
    body += fmt::format("<p>{} {} ({}).</p>\n", heading("Compared with", "Jämfört med", lang), escape_html(r.previous->info.quarter),
                        escape_html(r.previous->info.as_of));
    body += html_section(heading("Status changes", "Statusändringar", lang), transitions_table(p.changes, lang), lang);
    body += html_section(heading("Newly overdue", "Nya förfallna", lang), activity_table(p.changes.newly_overdue, lang, true), lang);
    body += html_section(heading("Added", "Tillagda", lang), activity_table(p.changes.added, lang, false), lang);
    body += html_section(heading("Removed", "Borttagna", lang), activity_table(p.changes.removed, lang, false), lang);
  }
  body += fmt::format("<h2>{}</h2>\n", heading("Overdue by owner", "Förfallna per ansvarig", lang));
  if (p.overdue_by_owner.empty()) body += fmt::format("<p>{}</p>\n", label(Label::no_overdue, lang));
  for (const auto& [owner, list] : p.overdue_by_owner) body += html_section(owner, activity_table(list, lang, true), lang);
  body += fmt::format("<h2>{}</h2>\n", heading("Trend", "Utveckling", lang));
  body += trend_chart(r.history, lang) + "\n";
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} {}</title>
<style>
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #212121; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }}
h1 {{ font-size: 18pt; margin: 0 0 2mm; }}
h2 {{ font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1px solid #9e9e9e; page-break-after: avoid; }}
h3 {{ font-size: 11pt; margin: 4mm 0 1mm; page-break-after: avoid; }}
.meta {{ color: #616161; }}
table {{ border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; font-size: 9pt; }}
tr {{ page-break-inside: avoid; }}
th, td {{ border-bottom: 1px solid #e0e0e0; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }}
th {{ background: #f5f5f5; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.date {{ white-space: nowrap; }}
tr.total td {{ font-weight: bold; }}
svg {{ max-width: 100%; page-break-inside: avoid; }}
.none {{ color: #757575; font-style: italic; }}
</style>
</head>
<body>
{}</body>
</html>
)",
                     sv(lang) ? "sv" : "en", heading("Status report", "Lägesrapport", lang), escape_html(info.quarter), body);
}

}  // namespace

std::string render_quarterly(const QuarterlyReport& report, DocumentFormat format, Lang lang) {
  return format == DocumentFormat::html ? html_report(report, lang) : markdown_report(report, lang);
}

}  // namespace bbg::render
