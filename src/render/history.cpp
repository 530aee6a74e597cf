#include "render/history.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/owners.hpp"
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

// Dates in a table: ISO (bbg diff), or as the language writes them (the quarterly report).
enum class Dates { iso, written };

std::string long_date(model::Date date, Lang lang);

Table activity_table(const std::vector<ActivityState>& list, Lang lang, bool with_days, Dates dates = Dates::iso) {
  Table t;
  t.columns = {Column(label(Label::plan, lang)), Column(label(Label::activity, lang)),
               Column(label(Label::title, lang), Align::left, false, true), Column(label(Label::status, lang)),
               Column(label(Label::due, lang))};
  if (with_days) t.columns.emplace_back(label(Label::days_overdue, lang), Align::right);
  for (const auto& a : list) {
    std::vector<Cell> row{Cell(a.plan), Cell(a.id), Cell(a.title), Cell(status_label(a.status, lang)),
                          Cell(!a.due ? "" : dates == Dates::iso ? a.due->iso() : long_date(*a.due, lang))};
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

const char* month_name(int month, Lang lang) {
  static const char* const k_sv[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                     "juli",    "augusti",  "september", "oktober", "november", "december"};
  static const char* const k_en[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return "";
  return (sv(lang) ? k_sv : k_en)[month - 1];
}

std::string long_date(model::Date date, Lang lang) { return fmt::format("{} {} {}", date.day(), month_name(date.month(), lang), date.year()); }

// An ISO date as long_date; other text as it is.
std::string long_date(std::string_view iso, Lang lang) {
  const auto date = model::parse_date(iso);
  return date ? long_date(*date, lang) : std::string(iso);
}

// A snapshot's UTC time stamp (YYYY-MM-DDTHH:MM:SSZ): "1 januari 2026 kl. 08:30 UTC",
// "1 January 2026, 08:30 UTC". Other text as it is.
std::string long_time(const std::string& stamp, Lang lang) {
  if (stamp.size() != 20 || stamp[10] != 'T' || stamp.back() != 'Z') return stamp;
  const auto date = model::parse_date(std::string_view(stamp).substr(0, 10));
  if (!date) return stamp;
  return fmt::format(fmt::runtime(sv(lang) ? "{} kl. {} UTC" : "{}, {} UTC"), long_date(*date, lang), stamp.substr(11, 5));
}

// The parts of a bar, in the order drawn. Every activity is in exactly one, the first that
// applies: done, overdue, in progress, not started (planned or delayed), cancelled. An activity
// that is done and also overdue (a recurring one whose last update is a done round while an
// earlier round was missed) is its own part, striped in both colours, and is counted both among
// the done and among the overdue: so the done parts are the done share the percentage gives, and
// the overdue parts are the overdue count, the same numbers bbg status and bbg overdue give.
enum class Part { done, done_overdue, overdue, in_progress, not_started, cancelled };
constexpr std::size_t k_parts = 6;
constexpr Part k_all_parts[] = {Part::done, Part::done_overdue, Part::overdue, Part::in_progress, Part::not_started, Part::cancelled};

// Okabe and Ito's palette, told apart with any colour vision: bluish green, vermillion, sky blue.
constexpr const char* k_part_fill[k_parts] = {"#009e73", "url(#bbg-done-overdue)", "#d55e00", "#56b4e9", "#d9d9d9", "#ffffff"};
constexpr const char* k_part_id[k_parts] = {"done", "done-overdue", "overdue", "in-progress", "not-started", "cancelled"};

const char* part_name(Part part, Lang lang) {
  switch (part) {
    case Part::done: return heading("done", "klar", lang);
    case Part::done_overdue: return heading("done, an earlier round missed", "klar, ett tidigare tillfälle missat", lang);
    case Part::overdue: return heading("overdue", "förfallen", lang);
    case Part::in_progress: return heading("in progress", "pågår", lang);
    case Part::not_started: return heading("not started (planned or delayed)", "ej påbörjad (planerad eller försenad)", lang);
    case Part::cancelled: return heading("cancelled", "avbruten", lang);
  }
  return "";
}

// The parts as a count's heading: "klara: 3".
const char* part_plural(Part part, Lang lang) {
  switch (part) {
    case Part::done: return heading("done", "klara", lang);
    case Part::done_overdue: return heading("done with a round missed", "klara med missat tillfälle", lang);
    case Part::overdue: return heading("overdue", "förfallna", lang);
    case Part::in_progress: return heading("in progress", "pågår", lang);
    case Part::not_started: return heading("not started", "ej påbörjade", lang);
    case Part::cancelled: return heading("cancelled", "avbrutna", lang);
  }
  return "";
}

struct Tally {
  std::array<int, k_parts> parts{};
  int total = 0;

  int of(Part part) const { return parts[static_cast<std::size_t>(part)]; }
  int done() const { return of(Part::done) + of(Part::done_overdue); }
  int overdue() const { return of(Part::overdue) + of(Part::done_overdue); }
};

// The parts from report::Counts, whose shares put overdue before done.
Tally tally(const Counts& c) {
  const int done_overdue = c.of(model::Status::done) - c.shares[0];
  Tally t;
  t.parts = {c.shares[0], done_overdue, c.shares[2] - done_overdue, c.shares[1], c.shares[3], c.of(model::Status::cancelled)};
  t.total = c.total;
  return t;
}

std::string share_text(int part, int total) { return total ? fmt::format("{}%", std::lround(100.0 * part / total)) : std::string("–"); }

// The bar of one row (HTML): its parts' widths are their shares of every activity, cancelled
// ones included, as the done percentage counts them.
std::string bar_svg(const Tally& t, Lang lang) {
  std::string description;
  for (const Part part : k_all_parts) {
    if (t.of(part) == 0) continue;
    description += fmt::format("{}{}: {}", description.empty() ? "" : ", ", part_plural(part, lang), t.of(part));
  }
  std::string svg = fmt::format(R"(<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{}">)",
                                escape_html(description.empty() ? label(Label::none, lang) : description));
  double x = 0;
  for (const Part part : k_all_parts) {
    const auto i = static_cast<std::size_t>(part);
    if (t.parts[i] == 0 || t.total == 0) continue;
    const double width = 100.0 * t.parts[i] / t.total;
    svg += fmt::format(R"(<rect data-part="{}" data-count="{}" x="{:.3f}" y="0" width="{:.3f}" height="10" fill="{}"/>)", k_part_id[i],
                       t.parts[i], x, width, k_part_fill[i]);
    x += width;
  }
  svg += R"(<rect x="0" y="0" width="100" height="10" fill="none" stroke="#616161" stroke-width="1" vector-effect="non-scaling-stroke"/>)";
  return svg + "</svg>";
}

// The stripes of the done-and-overdue part (HTML), drawn once and used by every bar.
constexpr const char* k_svg_defs =
    R"(<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>)"
    R"svg(<pattern id="bbg-done-overdue" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">)svg"
    R"(<rect width="4" height="4" fill="#009e73"/><rect width="1.6" height="4" fill="#d55e00"/></pattern></defs></svg>)";

std::string swatch(Part part) {
  return fmt::format(R"(<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">)"
                     R"(<rect x="0.5" y="0.5" width="9" height="9" fill="{}" stroke="#616161" stroke-width="1"/></svg>)",
                     k_part_fill[static_cast<std::size_t>(part)]);
}

// A key figure now and in the previous snapshot; unknown (a snapshot from an older bbg) when empty.
struct Figure {
  std::optional<int> now;
  std::optional<int> before;
};

// "5" with no snapshot to compare with; else "3 → 5 (+2)", "5 (±0)", or "5 (new)" for a plan the
// previous snapshot did not have. An unknown count is "–".
std::string figure_text(const Figure& f, bool compared, bool in_previous, Lang lang) {
  if (!f.now) return "–";
  if (!compared) return std::to_string(*f.now);
  if (!in_previous) return fmt::format("{} ({})", *f.now, heading("new", "ny", lang));
  if (!f.before) return std::to_string(*f.now);  // not counted then
  if (*f.before == *f.now) return fmt::format("{} (±0)", *f.now);
  return fmt::format("{} → {} ({:+})", *f.before, *f.now, *f.now - *f.before);
}

// Sum of the rounds missed, unknown when any is.
std::optional<int> rounds_missed(const std::vector<ActivityState>& states, const std::string& plan) {
  int sum = 0;
  for (const auto& a : states) {
    if (!plan.empty() && a.plan != plan) continue;
    if (!a.rounds_missed) return std::nullopt;
    sum += *a.rounds_missed;
  }
  return sum;
}

struct Parts {
  report::StatusReport status;    // by area
  report::StatusReport previous;  // the previous snapshot by area, if any
  report::Comparison changes;
  report::StatusReport owners;    // by owner, with a row for activities that name none
  // Owner (as in `owners`) -> that owner's overdue activities, most days first.
  std::vector<std::pair<std::string, std::vector<ActivityState>>> overdue_by_owner;
};

Parts parts_of(const QuarterlyReport& r, Lang lang) {
  const auto& current = *r.current;
  const model::Date as_of = model::parse_date(current.info.as_of).value_or(model::Date());
  Parts p;
  p.status = report::aggregate(current.activities, as_of, report::GroupBy::area, {});
  if (r.previous) {
    const model::Date before = model::parse_date(r.previous->info.as_of).value_or(model::Date());
    p.previous = report::aggregate(r.previous->activities, before, report::GroupBy::area, {});
    p.changes = report::compare({r.previous->info.quarter, before, r.previous->activities}, {current.info.quarter, as_of, current.activities});
  }
  p.owners = report::aggregate(current.activities, as_of, report::GroupBy::owner, {});
  // Each overdue activity under each of its owners (once per owner), or under "no owner".
  std::map<std::string, std::size_t> row_of;  // name_key -> row of p.owners
  for (std::size_t i = 0; i < p.owners.rows.size(); ++i) row_of.emplace(model::name_key(p.owners.rows[i].id), i);
  std::vector<ActivityState> unowned;
  std::vector<std::vector<ActivityState>> overdue(p.owners.rows.size() + 1);  // the last: no owner
  for (const auto& a : current.activities) {
    if (a.owners.empty()) {
      unowned.push_back(a);
      if (a.overdue) overdue.back().push_back(a);
      continue;
    }
    if (!a.overdue) continue;
    std::set<std::size_t> rows;
    for (const auto& owner : a.owners) {
      const auto it = row_of.find(model::name_key(owner));
      if (it != row_of.end() && rows.insert(it->second).second) overdue[it->second].push_back(a);
    }
  }
  if (!unowned.empty()) {
    const std::string nobody = heading("(no owner named)", "(ingen ansvarig angiven)", lang);
    p.owners.rows.push_back(report::StatusRow{nobody, nobody, report::aggregate(unowned, as_of, report::GroupBy::plan, {}).total, {}});
  } else {
    overdue.pop_back();
  }
  for (std::size_t i = 0; i < p.owners.rows.size(); ++i) {
    auto& list = overdue[i];
    if (list.empty()) continue;
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.days_overdue > y.days_overdue; });
    p.overdue_by_owner.emplace_back(p.owners.rows[i].title, std::move(list));
  }
  return p;
}

// What both formats write, told once: headings, paragraphs and tables; charts and legends only
// in HTML.
class Document {
 public:
  virtual ~Document() = default;
  virtual void heading(int level, const std::string& text) = 0;
  virtual void paragraph(const std::string& text) = 0;
  virtual void quiet(const std::string& text) = 0;  // "none", "this is the first snapshot"
  // `classes`: per column, an HTML class ("date", "title"); a cell's `styled` text is its HTML,
  // made here from escaped text.
  virtual void table(const Table& t, const std::vector<std::string>& classes) = 0;
  virtual void html(const std::string& markup) = 0;
  virtual bool draws_charts() const = 0;
};

class MarkdownDocument final : public Document {
 public:
  void heading(int level, const std::string& text) override {
    m_out += fmt::format("{}{} {}\n", m_out.empty() ? "" : "\n", std::string(static_cast<std::size_t>(level), '#'), markdown_text(text));
  }
  void paragraph(const std::string& text) override { m_out += fmt::format("\n{}\n", markdown_text(text)); }
  void quiet(const std::string& text) override { m_out += fmt::format("\n_{}_\n", markdown_text(text)); }
  void table(const Table& t, const std::vector<std::string>&) override {
    m_out += "\n" + render_table(t, TableFormat::markdown, TableStyle{});
  }
  void html(const std::string&) override {}
  bool draws_charts() const override { return false; }
  std::string text() const { return m_out; }

 private:
  std::string m_out;
};

class HtmlDocument final : public Document {
 public:
  void heading(int level, const std::string& text) override { m_out += fmt::format("<h{0}>{1}</h{0}>\n", level, escape_html(text)); }
  void paragraph(const std::string& text) override { m_out += fmt::format("<p>{}</p>\n", escape_html(text)); }
  void quiet(const std::string& text) override { m_out += fmt::format("<p class=\"none\">{}</p>\n", escape_html(text)); }
  void table(const Table& t, const std::vector<std::string>& classes) override {
    const auto cls = [&](std::size_t c) {
      std::string out = c < classes.size() ? classes[c] : "";
      if (t.columns[c].align == Align::right) out += out.empty() ? "num" : " num";
      return out.empty() ? std::string() : fmt::format(" class=\"{}\"", out);
    };
    m_out += "<table><thead><tr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c) m_out += fmt::format("<th{}>{}</th>", cls(c), escape_html(t.columns[c].header));
    m_out += "</tr></thead><tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      m_out += r < t.emphasis.size() && t.emphasis[r] ? "<tr class=\"total\">" : "<tr>";
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const Cell& cell = t.rows[r][c];
        m_out += fmt::format("<td{}>{}</td>", cls(c), cell.styled.empty() ? escape_html(cell.text) : cell.styled);
      }
      m_out += "</tr>\n";
    }
    m_out += "</tbody></table>\n";
  }
  void html(const std::string& markup) override { m_out += markup; }
  bool draws_charts() const override { return true; }
  std::string text() const { return m_out; }

 private:
  std::string m_out;
};

void table_or_none(Document& doc, const std::string& title, const Table& t, const std::vector<std::string>& classes, Lang lang) {
  doc.heading(3, title);
  if (t.rows.empty()) {
    doc.quiet(label(Label::none, lang));
  } else {
    doc.table(t, classes);
  }
}

Column count_column(const char* en, const char* sv_text, Lang lang) { return Column(heading(en, sv_text, lang), Align::right); }

// `first`, then the bar (HTML only) and the counts that key figures and subject areas share.
std::vector<Column> bar_columns(std::vector<Column> first, Lang lang) {
  first.emplace_back(label(Label::progress, lang), Align::left, true);
  for (const auto& [en, sv_text] : {std::pair{"Activities", "Aktiviteter"}, std::pair{"Done", "Klara"}, std::pair{"In progress", "Pågår"},
                                    std::pair{"Overdue", "Förfallna"}}) {
    first.push_back(count_column(en, sv_text, lang));
  }
  return first;
}

// Page 1: per plan, the counts and their change since the previous snapshot.
void key_figures(Document& doc, const QuarterlyReport& r, const Parts& p, Lang lang) {
  doc.heading(2, heading("Key figures", "Nyckeltal", lang));
  Table t;
  t.columns = bar_columns({Column(label(Label::plan, lang))}, lang);
  t.columns.push_back(count_column("Rounds missed", "Missade tillfällen", lang));
  const bool compared = r.previous != nullptr;
  const auto add = [&](const std::string& id, const std::string& title, const Counts& now, const Counts* before, bool total) {
    const Tally n = tally(now);
    std::optional<Tally> b;
    if (before) b = tally(*before);
    const auto cell = [&](std::optional<int> value_now, std::optional<int> value_before) {
      return Cell(figure_text({value_now, value_before}, compared, before != nullptr, lang));
    };
    // A count of the previous snapshot's tally, if the plan was in it.
    const auto was = [&](auto count) { return b ? std::optional<int>(count(*b)) : std::nullopt; };
    const std::string plan_html = fmt::format(R"(<span class="plan">{}</span> <span class="id">{}</span>)", escape_html(title), escape_html(id));
    std::vector<Cell> row{Cell(title, "", total ? "" : plan_html),
                          Cell("", "", bar_svg(n, lang)),
                          cell(n.total, was([](const Tally& x) { return x.total; })),
                          cell(n.done(), was([](const Tally& x) { return x.done(); })),
                          cell(n.of(Part::in_progress), was([](const Tally& x) { return x.of(Part::in_progress); })),
                          cell(n.overdue(), was([](const Tally& x) { return x.overdue(); })),
                          cell(rounds_missed(r.current->activities, id),
                               before ? rounds_missed(r.previous->activities, id) : std::nullopt)};
    t.rows.push_back(std::move(row));
    t.emphasis.push_back(total);
  };
  for (const auto& plan : p.status.rows) {
    const auto before = std::find_if(p.previous.rows.begin(), p.previous.rows.end(), [&](const auto& row) { return row.id == plan.id; });
    add(plan.id, plan.title, plan.counts, before == p.previous.rows.end() ? nullptr : &before->counts, false);
  }
  if (p.status.rows.size() > 1) add("", label(Label::total, lang), p.status.total, compared ? &p.previous.total : nullptr, true);
  doc.table(t, {"plan", "bar", "", "", "", "", ""});

  // The legend, and how the figures are counted.
  const bool striped = tally(p.status.total).of(Part::done_overdue) > 0;
  const bool cancelled = tally(p.status.total).of(Part::cancelled) > 0;
  std::string legend = "<p class=\"legend\">";
  for (const Part part : k_all_parts) {
    if ((part == Part::done_overdue && !striped) || (part == Part::cancelled && !cancelled)) continue;
    legend += fmt::format("<span>{} {}</span> ", swatch(part), escape_html(part_name(part, lang)));
  }
  doc.html(legend + "</p>\n");
  const bool bars = doc.draws_charts();
  doc.paragraph(fmt::format(
      "{} {}",
      heading("Each activity counts once, in the first that applies: done; else overdue (a deadline has passed); else in progress; else not started. "
              "In progress and not started are activities on time. Rounds missed counts the rounds of recurring activities "
              "whose deadline passed with no done update.",
              "Varje aktivitet räknas en gång, i det första som gäller: klar; annars förfallen (en deadline har passerats); annars pågår; annars ej "
              "påbörjad. Pågår och ej påbörjade är aktiviteter i tid. Missade tillfällen räknar de tillfällen i återkommande "
              "aktiviteter vars deadline passerat utan en klar-uppdatering.",
              lang),
      bars ? heading("Done % is the share of all activities that are done: the green part of the bar.",
                     "Klar % är andelen klara av alla aktiviteter: stapelns gröna del.", lang)
           : heading("Done % is the share of all activities that are done.", "Klar % är andelen klara av alla aktiviteter.", lang)));
  if (striped) {
    doc.paragraph(bars ? heading("A striped part is a recurring activity that is done but missed an earlier round: it counts both "
                                 "as done and as overdue.",
                                 "En randig del är en återkommande aktivitet som är klar men har missat ett tidigare tillfälle: den "
                                 "räknas både som klar och som förfallen.",
                                 lang)
                       : heading("A recurring activity that is done but missed an earlier round counts both as done and as overdue.",
                                 "En återkommande aktivitet som är klar men har missat ett tidigare tillfälle räknas både som klar "
                                 "och som förfallen.",
                                 lang));
  }
  if (!rounds_missed(r.current->activities, "")) {
    doc.paragraph(heading("–: this snapshot was taken by an older bbg, which did not count missed rounds.",
                          "–: ögonblicksbilden togs av en äldre bbg, som inte räknade missade tillfällen.", lang));
  }
}

// Per plan, a row per subject area with its bar (HTML) and parts.
// Per plan, a row per subject area with its bar (HTML) and parts; a column of cancelled ones only
// when the report has some.
void areas(Document& doc, const Parts& p, Lang lang) {
  doc.heading(2, heading("Status per subject area", "Status per ämnesområde", lang));
  const bool cancelled = tally(p.status.total).of(Part::cancelled) > 0;
  for (const auto& plan : p.status.rows) {
    Table t;
    t.columns = bar_columns({Column(label(Label::area, lang)), Column(label(Label::title, lang))}, lang);
    t.columns.push_back(count_column("Not started", "Ej påbörjade", lang));
    if (cancelled) t.columns.push_back(count_column("Cancelled", "Avbrutna", lang));
    t.columns.emplace_back(label(Label::done_share, lang), Align::right);
    const auto add = [&](const std::string& id, const std::string& title, const Counts& c, bool total) {
      const Tally n = tally(c);
      std::vector<Cell> row{Cell(id),
                            Cell(title),
                            Cell("", "", bar_svg(n, lang)),
                            Cell(std::to_string(n.total)),
                            Cell(std::to_string(n.done())),
                            Cell(std::to_string(n.of(Part::in_progress))),
                            Cell(std::to_string(n.overdue())),
                            Cell(std::to_string(n.of(Part::not_started)))};
      if (cancelled) row.emplace_back(std::to_string(n.of(Part::cancelled)));
      row.emplace_back(share_text(n.done(), n.total));
      t.rows.push_back(std::move(row));
      t.emphasis.push_back(total);
    };
    for (const auto& area : plan.areas) add(area.id, area.title, area.counts, false);
    add("", label(Label::total, lang), plan.counts, true);
    doc.html("<div class=\"keep\">\n");
    doc.heading(3, fmt::format("{} ({})", plan.title, plan.id));
    doc.table(t, {"key", "title", "bar"});
    doc.html("</div>\n");
  }
}

void changes(Document& doc, const QuarterlyReport& r, const Parts& p, Lang lang) {
  doc.heading(2, heading("Changes since the previous snapshot", "Förändringar sedan förra ögonblicksbilden", lang));
  if (!r.previous) {
    doc.quiet(heading("This is the first snapshot.", "Detta är den första ögonblicksbilden.", lang));
    return;
  }
  doc.paragraph(fmt::format("{} {} ({}).", heading("Compared with", "Jämfört med", lang), r.previous->info.quarter,
                            long_date(r.previous->info.as_of, lang)));
  const std::vector<std::string> list = {"key", "key", "title", "", "date"};
  table_or_none(doc, heading("Status changes", "Statusändringar", lang), transitions_table(p.changes, lang), {"key", "key", "title"}, lang);
  table_or_none(doc, heading("Newly overdue", "Nya förfallna", lang),
                activity_table(p.changes.newly_overdue, lang, true, Dates::written), list, lang);
  table_or_none(doc, heading("No longer overdue", "Inte längre förfallna", lang),
                activity_table(p.changes.no_longer_overdue, lang, false, Dates::written), list, lang);
  table_or_none(doc, heading("Added", "Tillagda", lang), activity_table(p.changes.added, lang, false, Dates::written), list, lang);
  table_or_none(doc, heading("Removed", "Borttagna", lang), activity_table(p.changes.removed, lang, false, Dates::written), list, lang);
}

// Per owner: the counts, then that owner's overdue activities only.
void owners(Document& doc, const Parts& p, Lang lang) {
  doc.heading(2, heading("Per owner", "Per ansvarig", lang));
  Table t;
  t.columns = {Column(label(Label::owner, lang)), count_column("Activities", "Aktiviteter", lang),
               count_column("Done", "Klara", lang), count_column("Overdue", "Förfallna", lang)};
  for (const auto& row : p.owners.rows) {
    const Tally n = tally(row.counts);
    t.rows.push_back({Cell(row.title), Cell(std::to_string(n.total)), Cell(std::to_string(n.done())), Cell(std::to_string(n.overdue()))});
  }
  if (t.rows.empty()) {
    doc.quiet(label(Label::none, lang));
  } else {
    doc.table(t, {"title"});
  }
  doc.heading(3, heading("Overdue by owner", "Förfallna per ansvarig", lang));
  if (p.overdue_by_owner.empty()) doc.quiet(label(Label::no_overdue, lang));
  for (const auto& [owner, list] : p.overdue_by_owner) {
    Table items;
    items.columns = {Column(label(Label::activity, lang)), Column(label(Label::title, lang)), Column(label(Label::due, lang)),
                     Column(label(Label::days_overdue, lang), Align::right)};
    for (const auto& a : list) {
      items.rows.push_back({Cell(a.key()), Cell(a.title), Cell(a.due ? long_date(*a.due, lang) : ""), Cell(std::to_string(a.days_overdue))});
    }
    doc.html("<div class=\"keep\">\n");
    doc.heading(4, fmt::format("{} ({})", owner, list.size()));
    doc.table(items, {"key", "title", "date"});
    doc.html("</div>\n");
  }
}

// YYYY-Qn as a count of quarters (year * 4 + n - 1), for a time axis.
std::optional<int> quarter_number(std::string_view quarter) {
  if (quarter.size() != 7 || quarter[4] != '-' || quarter[5] != 'Q' || quarter[6] < '1' || quarter[6] > '4') return std::nullopt;
  int year = 0;
  const auto [end, ec] = std::from_chars(quarter.data(), quarter.data() + 4, year);
  if (ec != std::errc() || end != quarter.data() + 4) return std::nullopt;
  return year * 4 + (quarter[6] - '1');
}

// The width of text in ems in a sans-serif font such as DejaVu Sans, rounded up, so that a
// label placed by it stays inside the chart.
double text_em(std::string_view text) {
  double em = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      if ((c & 0xC0) != 0x80) em += 1.0;  // a character beyond ASCII: as wide as the widest
      continue;
    }
    em += std::isdigit(c) ? 0.66 : std::isupper(c) ? 0.82 : c == ' ' ? 0.34 : (c == '-' || c == '.' || c == ',') ? 0.42 : 0.64;
  }
  return em;
}

// 1, 2 or 5 times a power of ten: the step that divides [0, most] into at most five parts.
long long nice_step(long long most) {
  for (long long scale = 1;; scale *= 10) {
    for (const long long m : {1, 2, 5}) {
      if (m * scale * 5 >= most) return m * scale;
    }
  }
}

// Done, overdue and all activities per stored quarter, on a time axis: quarters are spaced by the
// time between them. Quarter labels take one of two rows below the axis, the newest and the oldest
// first; one that has room in neither is left out (its point stays, and the table lists it).
std::string trend_chart(const std::vector<model::SnapshotInfo>& history, Lang lang) {
  constexpr int width = 640, height = 240, left = 48, right = 34, top = 12, bottom = 44;
  constexpr double font = 10, gap = 6;
  constexpr int plot_w = width - left - right, plot_h = height - top - bottom;
  std::string svg = fmt::format(R"(<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}">)",
                                width, height,
                                heading("Done and overdue activities per quarter", "Klara och förfallna aktiviteter per kvartal", lang));
  struct Point {
    int quarter;
    const model::SnapshotInfo* info;
  };
  std::vector<Point> points;
  for (const auto& s : history) {
    if (const auto q = quarter_number(s.quarter)) points.push_back({*q, &s});
  }
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.quarter < b.quarter; });
  if (points.empty()) return svg + "</svg>";
  const int first = points.front().quarter, span = points.back().quarter - first;
  const auto x_of = [&](int quarter) { return span == 0 ? left + plot_w / 2.0 : left + plot_w * static_cast<double>(quarter - first) / span; };
  int most = 0;
  for (const auto& point : points) most = std::max(most, point.info->activities);
  const long long step = nice_step(most);
  const long long y_max = std::max(step, (most + step - 1) / step * step);
  const auto y_of = [&](long long value) { return top + plot_h - plot_h * static_cast<double>(value) / static_cast<double>(y_max); };

  for (long long value = 0; value <= y_max; value += step) {
    const double y = y_of(value);
    svg += fmt::format(R"(<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#e0e0e0"/>)", left, y, left + plot_w, y);
    svg += fmt::format(R"(<text x="{}" y="{:.1f}" font-size="{}" text-anchor="end" fill="#424242">{}</text>)", left - 6, y + 3.5, font, value);
  }
  const int axis = top + plot_h;
  svg += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#616161"/>)", left, axis, left + plot_w, axis);
  for (int q = first; span <= 120 && q <= first + span; ++q) {
    const double x = x_of(q);
    svg += fmt::format(R"(<line x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" stroke="#616161"/>)", x, axis, x, axis + (q % 4 == 0 ? 5 : 2));
  }

  struct Series {
    int model::SnapshotInfo::*value;
    const char* color;
    const char* dash;
    double stroke;
  };
  const Series series[] = {{&model::SnapshotInfo::activities, "#9e9e9e", "2 2", 1.5},
                           {&model::SnapshotInfo::overdue, "#d55e00", "6 3", 2.5},
                           {&model::SnapshotInfo::done, "#009e73", "", 2.5}};
  for (const auto& s : series) {
    std::string line;
    for (const auto& point : points) line += fmt::format("{:.1f},{:.1f} ", x_of(point.quarter), y_of(point.info->*s.value));
    svg += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{}/>)", line, s.color, s.stroke,
                       *s.dash ? fmt::format(R"( stroke-dasharray="{}")", s.dash) : "");
  }
  for (const auto& point : points) {
    const double x = x_of(point.quarter);
    const auto& info = *point.info;
    const std::string title = escape_html(fmt::format("{}: {} {}, {} {}, {} {}", info.quarter, info.done, heading("done", "klara", lang),
                                                      info.overdue, heading("overdue", "förfallna", lang), info.activities,
                                                      heading("activities", "aktiviteter", lang)));
    svg += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="7" height="7" fill="#d55e00"><title>{}</title></rect>)", x - 3.5,
                       y_of(info.overdue) - 3.5, title);
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="4" fill="#009e73" stroke="#ffffff" stroke-width="1"><title>{}</title></circle>)", x,
                       y_of(info.done), title);
  }

  // Labels: [left, right] taken per row.
  std::vector<std::pair<double, double>> taken[2];
  std::vector<std::size_t> order{points.size() - 1};
  if (points.size() > 1) order.push_back(0);
  for (std::size_t i = points.size() - 1; i-- > 1;) order.push_back(i);
  for (const std::size_t i : order) {
    const std::string& text = points[i].info->quarter;
    const double half = text_em(text) * font / 2;
    const double x = std::clamp(x_of(points[i].quarter), half + 2, width - half - 2);
    for (int row = 0; row < 2; ++row) {
      auto& used = taken[row];
      const bool free =
          std::none_of(used.begin(), used.end(), [&](const auto& r) { return x - half - gap < r.second && r.first < x + half + gap; });
      if (!free) continue;
      used.emplace_back(x - half, x + half);
      svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="{}" text-anchor="middle" fill="#212121">{}</text>)", x, axis + 16 + row * 13, font,
                         escape_html(text));
      break;
    }
  }
  return svg + "</svg>";
}

void trend(Document& doc, const QuarterlyReport& r, Lang lang) {
  doc.heading(2, heading("Trend", "Utveckling", lang));
  doc.html("<figure class=\"keep\">\n" + trend_chart(r.history, lang) + "\n<figcaption class=\"legend\">");
  const struct {
    const char* color;
    const char* dash;
    const char* name;
  } keys[] = {{"#009e73", "", heading("done", "klara", lang)},
              {"#d55e00", "6 3", heading("overdue", "förfallna", lang)},
              {"#9e9e9e", "2 2", heading("all activities", "alla aktiviteter", lang)}};
  for (const auto& key : keys) {
    doc.html(fmt::format(R"(<span><svg class="swatch line" viewBox="0 0 24 10" aria-hidden="true">)"
                         R"(<line x1="0" y1="5" x2="24" y2="5" stroke="{}" stroke-width="2.5"{}/></svg> {}</span> )",
                         key.color, *key.dash ? fmt::format(R"( stroke-dasharray="{}")", key.dash) : "", escape_html(key.name)));
  }
  doc.html(fmt::format("<br>{}</figcaption>\n</figure>\n",
                       escape_html(heading("Activities per quarter; the quarters are spaced by the time between them.",
                                           "Aktiviteter per kvartal; kvartalen står på avstånd efter tiden mellan dem.", lang))));
  Table t;
  t.columns = {Column(heading("Quarter", "Kvartal", lang)), Column(heading("As of", "Per", lang)),
               count_column("Activities", "Aktiviteter", lang), count_column("Done", "Klara", lang),
               count_column("Overdue", "Förfallna", lang), Column(label(Label::done_share, lang), Align::right)};
  for (const auto& s : r.history) {
    t.rows.push_back({Cell(s.quarter), Cell(long_date(s.as_of, lang)), Cell(std::to_string(s.activities)), Cell(std::to_string(s.done)),
                      Cell(std::to_string(s.overdue)), Cell(share_text(s.done, s.activities))});
  }
  doc.table(t, {"", "date"});
}

// The whole report, in the order a steering group reads it: key figures and the trend on the
// first page, then the details.
void write_report(Document& doc, const QuarterlyReport& r, Lang lang) {
  const Parts p = parts_of(r, lang);
  const auto& info = r.current->info;
  doc.html("<section class=\"summary\">\n");
  doc.heading(1, fmt::format("{} {}", heading("Status report", "Lägesrapport", lang), info.quarter));
  std::string meta = fmt::format("{} {}.", heading("State as of", "Läget per", lang), long_date(info.as_of, lang));
  if (r.previous) {
    meta += fmt::format(" {} {} ({}).", heading("Compared with", "Jämfört med", lang), r.previous->info.quarter,
                        long_date(r.previous->info.as_of, lang));
  }
  meta += fmt::format(" {} {}{}.", heading("Snapshot taken", "Ögonblicksbilden togs", lang), long_time(info.taken_at, lang),
                      info.git_commit.empty() ? "" : fmt::format(", commit {}", info.git_commit.substr(0, 12)));
  doc.html("<div class=\"meta\">");
  doc.paragraph(meta);
  doc.html("</div>\n");
  key_figures(doc, r, p, lang);
  trend(doc, r, lang);
  doc.html("</section>\n<section class=\"details\">\n");
  areas(doc, p, lang);
  changes(doc, r, p, lang);
  owners(doc, p, lang);
  doc.html("</section>\n");
}

constexpr const char* k_css = R"(
@page { size: A4; margin: 14mm 15mm 16mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #212121; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #9e9e9e; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
.meta p { color: #616161; margin: 0 0 3mm; }
p { margin: 1.5mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #e0e0e0; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #f5f5f5; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.date, td.key { white-space: nowrap; }
th.date { width: 28mm; }
td.bar { width: 22mm; vertical-align: middle; }
tr.total td { font-weight: bold; border-top: 1px solid #9e9e9e; }
.id { color: #616161; font-size: 8pt; white-space: nowrap; }
svg.bar { display: block; width: 22mm; height: 3.4mm; }
svg.swatch { display: inline-block; width: 3mm; height: 3mm; vertical-align: -0.4mm; }
svg.swatch.line { width: 7mm; }
svg.trend { display: block; width: 100%; max-width: 170mm; height: auto; }
figure { margin: 2mm 0; }
.legend { font-size: 8.5pt; color: #424242; }
.legend span { margin-right: 4mm; white-space: nowrap; }
.summary p:not(.legend) { font-size: 8.5pt; color: #424242; }
.keep, figure { break-inside: avoid; }
.none { color: #757575; font-style: italic; }
@media print {
  body { max-width: none; padding: 0; }
  section.details { break-before: page; }
}
)";

std::string html_report(const QuarterlyReport& r, Lang lang) {
  HtmlDocument doc;
  doc.html(std::string(k_svg_defs) + "\n");
  write_report(doc, r, lang);
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} {}</title>
<style>{}</style>
</head>
<body>
{}</body>
</html>
)",
                     sv(lang) ? "sv" : "en", heading("Status report", "Lägesrapport", lang), escape_html(r.current->info.quarter), k_css,
                     doc.text());
}

std::string markdown_report(const QuarterlyReport& r, Lang lang) {
  MarkdownDocument doc;
  write_report(doc, r, lang);
  return doc.text();
}

}  // namespace

std::string render_quarterly(const QuarterlyReport& report, DocumentFormat format, Lang lang) {
  return format == DocumentFormat::html ? html_report(report, lang) : markdown_report(report, lang);
}

}  // namespace bbg::render
