// bbg import FILE: a filled-in follow-up form (bbg followup) recorded as updates, through the
// same surgical, locked, atomic writer as bbg update: every row is checked first, and either
// every update is written or none is.
#include <algorithm>
#include <map>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/clock.hpp"
#include "cli/edit.hpp"
#include "cli/options.hpp"
#include "render/diff.hpp"
#include "render/form.hpp"
#include "report/followup.hpp"
#include "report/show.hpp"
#include "util/csv.hpp"
#include "util/error.hpp"
#include "util/file.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "model/rounds.hpp"
#include "yaml/plan_reader.hpp"

namespace bbg::cli {
namespace {

using render::FormColumn;

// A form is a few thousand rows at most; a bigger file is not one. Each filled-in row of a plan
// reads that plan's file again (the rows before it moved its lines), so rows per plan are few.
constexpr std::size_t k_max_form_bytes = 16 << 20;
constexpr std::size_t k_max_rows = 5'000;
constexpr std::size_t k_max_rows_per_plan = 200;
constexpr std::size_t k_max_note_bytes = 8'000;  // a plan file's scalars hold at most 10,000

struct ImportOptions {
  std::string file;
  std::string by;
  bool dry_run = false;
};

struct Row {
  std::size_t line = 0;
  std::string plan;
  UpdateRequest request;
};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// bbg's CSV puts a ' before a cell that starts like a formula (=, +, -, @); Excel keeps it.
std::string unescaped(std::string text) {
  if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@").find(text[1]) != std::string_view::npos) {
    text.erase(0, 1);
  }
  return text;
}

// The rows of the form, each checked against the plans; every problem is one line of `errors`.
std::vector<Row> read_rows(const util::CsvFile& csv, const std::vector<model::Plan>& plans, model::Date now,
                           const std::string& by_default, std::vector<std::string>& errors,
                           std::vector<std::string>& notes) {
  std::map<FormColumn, std::size_t> at;
  const util::CsvRecord& header = csv.records.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto column = render::form_column(trimmed(header.fields[i]));
    if (!column) continue;  // a column of the owner's own: kept out of the way
    if (!at.emplace(*column, i).second) {
      errors.push_back(fmt::format("{}: the column {} is there twice; keep one", header.line, util::quote_value(header.fields[i])));
    }
  }
  for (const FormColumn needed : {FormColumn::plan, FormColumn::activity, FormColumn::new_status}) {
    if (!at.count(needed)) {
      const std::string en = render::form_header(needed, render::Lang::en), sv = render::form_header(needed, render::Lang::sv);
      errors.push_back(fmt::format("{}: the form has no column {}{}; make the form with bbg followup", header.line, en,
                                   en == sv ? "" : " (" + sv + ")"));
    }
  }
  if (!errors.empty()) return {};

  std::vector<std::string> ids;
  for (const auto& plan : plans) ids.push_back(plan.id);
  // The date of each activity's last update, the form's own rows included.
  std::map<std::pair<std::string, std::string>, model::Date> last;
  std::map<std::string, std::size_t> first_line;  // plan/activity@round -> its row's line
  std::vector<Row> rows;
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    const util::CsvRecord& record = csv.records[r];
    const auto get = [&](FormColumn column) {
      const auto it = at.find(column);
      return it == at.end() || it->second >= record.fields.size() ? std::string() : trimmed(record.fields[it->second]);
    };
    const std::string status_text = get(FormColumn::new_status), date_text = get(FormColumn::date),
                      round = get(FormColumn::round), by = get(FormColumn::by);
    // A line break in a cell is one \n in a plan file, whatever the spreadsheet wrote.
    std::string note = get(FormColumn::note);
    for (std::size_t at = note.find('\r'); at != std::string::npos; at = note.find('\r', at)) {
      if (at + 1 < note.size() && note[at + 1] == '\n') note.erase(at, 1);
      else note[at] = '\n';
    }
    const bool empty = status_text.empty() && date_text.empty() && note.empty() && by.empty();
    const auto error = [&](const std::string& message) { errors.push_back(fmt::format("{}: {}", record.line, message)); };
    // What the form said the status was when it was made, against what it is now.
    const auto stale = [&](const model::Plan& plan, const model::Activity& activity) -> std::optional<std::string> {
      const std::string was = get(FormColumn::status);
      if (was.empty()) return std::nullopt;
      const auto then = model::parse_status_word(was);
      const model::Status now_status = model::status_on(activity, plan, now);
      if (then && *then == now_status) return std::nullopt;
      return fmt::format("the form's status of {}/{} is {}, but it is {} now", plan.id, activity.id, util::quote_value(was),
                         model::to_string(now_status));
    };
    if (empty) {  // not filled in; but a status written in the wrong column is said
      const std::string plan_id = unescaped(get(FormColumn::plan)), activity_id = unescaped(get(FormColumn::activity));
      const auto plan = std::find_if(plans.begin(), plans.end(), [&](const model::Plan& p) { return p.id == plan_id; });
      if (plan == plans.end()) continue;
      if (const model::Activity* activity = report::find_in_plan(*plan, activity_id)) {
        if (const auto why = stale(*plan, *activity)) {
          notes.push_back(fmt::format("{}: {}; nothing is recorded for it (a new status goes in new_status, ny_status)",
                                      record.line, *why));
        }
      }
      continue;
    }
    if (status_text.empty()) {
      error("new_status is empty, but the row has a date, note or by: write the new status (ny_status), or clear the row");
      continue;
    }
    Row row;
    row.line = record.line;
    row.plan = unescaped(get(FormColumn::plan));
    row.request.activity_id = unescaped(get(FormColumn::activity));
    const auto plan = std::find_if(plans.begin(), plans.end(), [&](const model::Plan& p) { return p.id == row.plan; });
    if (plan == plans.end()) {
      std::string message = fmt::format("no plan with id {}", util::quote_value(row.plan));
      if (const auto guess = util::closest_match(row.plan, ids)) message += fmt::format("; did you mean \"{}\"?", *guess);
      error(message);
      continue;
    }
    const model::Activity* activity = report::find_in_plan(*plan, row.request.activity_id);
    if (!activity) {
      error(report::find_activity({*plan}, row.plan + "/" + row.request.activity_id).error);
      continue;
    }
    bool ok = true;
    // A spreadsheet may turn an id into a number (2.10 into 2.1): the form's title must be the
    // activity's.
    if (const std::string title = get(FormColumn::title); !title.empty() && title != activity->title) {
      error(fmt::format("the form's title {} is not the title of {}/{} ({}); if Excel changed the id (2.10 into 2.1), "
                        "format the column as text and write the id again",
                        util::quote_value(title, 40), row.plan, row.request.activity_id, util::quote_value(activity->title, 40)));
      continue;
    }
    if (const auto why = stale(*plan, *activity)) {
      error(*why + ": the form is older than the plan (recorded already, or updated since): make a new one with bbg "
                   "followup, or clear the row");
      continue;
    }
    const auto status = model::parse_status_word(status_text);
    if (!status) {
      std::string message = fmt::format("unknown status {}: write planned, in_progress, done, delayed or cancelled (or "
                                        "planerad, pågår, klar, försenad, avbruten)",
                                        util::quote_value(status_text));
      if (const auto guess = util::closest_match(status_text, model::status_words())) {
        message += fmt::format("; did you mean \"{}\"?", *guess);
      }
      error(message);
      ok = false;
    } else {
      row.request.status = model::to_string(*status);
    }
    row.request.date = now;
    if (!date_text.empty()) {
      if (const auto date = model::parse_date(date_text)) {
        row.request.date = *date;
      } else {
        error(fmt::format("date {} is not YYYY-MM-DD (Excel may have written it its own way: format the column as "
                          "text and write e.g. {})",
                          util::quote_value(date_text), now.iso()));
        ok = false;
      }
    }
    const model::Date date = row.request.date;
    if (now < date) {
      error(fmt::format("date {} is after today ({})", date.iso(), now.iso()));
      ok = false;
    }
    const auto& start = plan->period_start;
    const auto& end = plan->period_end;
    if (!report::in_period(*plan, date)) {
      error(fmt::format("date {} is outside the plan's period ({} – {})", date.iso(), start ? start->text : "",
                        end ? end->text : ""));
      ok = false;
    }
    if (!round.empty()) {
      const auto deadline = model::parse_deadline(round);
      if (!activity->recurs) {
        error(fmt::format("round {}: {}/{} does not recur; leave round empty", util::quote_value(round), row.plan,
                          row.request.activity_id));
        ok = false;
      } else if (!deadline) {
        error(fmt::format("round {} is not a round's deadline (YYYY-MM-DD, as the form gives it; Excel may have written it "
                          "its own way: format the column as text)",
                          util::quote_value(round)));
        ok = false;
      } else {
        model::Update named;
        named.round = model::DeadlineField{round, deadline, {}};
        if (model::named_rounds(model::rounds_of(*activity, *plan, now), named).empty()) {
          error(fmt::format("round {} is no round of {}/{}; write the round's deadline as the form gives it",
                            util::quote_value(round), row.plan, row.request.activity_id));
          ok = false;
        }
      }
      row.request.round = round;
    } else if (activity->recurs) {
      error(fmt::format("{}/{} recurs: name its round in the column round (omgång), as the form gives it", row.plan,
                        row.request.activity_id));
      ok = false;
    }
    // One row per activity, or per round of a recurring one.
    const std::string where = row.plan + "/" + row.request.activity_id + "@" + round;
    if (const auto [seen, added] = first_line.emplace(where, record.line); !added) {
      error(fmt::format("{}/{}{} is on line {} too; one row each", row.plan, row.request.activity_id,
                        round.empty() ? "" : " (round " + round + ")", seen->second));
      ok = false;
    }
    const auto key = std::pair(row.plan, row.request.activity_id);
    auto it = last.find(key);
    if (it == last.end()) {
      for (const auto& u : activity->updates) {
        if (!u.date || !u.date->date) continue;
        if (it == last.end()) it = last.emplace(key, *u.date->date).first;
        else it->second = std::max(it->second, *u.date->date);
      }
    }
    if (ok && it != last.end() && date < it->second) {
      error(fmt::format("date {} is before {}/{}'s last update ({}); updates are kept in date order", date.iso(), row.plan,
                        row.request.activity_id, it->second.iso()));
      ok = false;
    }
    for (const auto& [name, text, limit] : {std::tuple<const char*, const std::string&, std::size_t>{"note", note, k_max_note_bytes},
                                             {"by", by, 200}}) {
      if (text.size() > limit) {
        error(fmt::format("the {} is {} bytes long; at most {} fit in a plan file", name, text.size(), limit));
        ok = false;
      }
      for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\n' && c != '\r' && c != '\t') || b == 0x7F) {
          error(fmt::format("the {} holds the control character U+{:04X}; remove it", name, b));
          ok = false;
          break;
        }
      }
    }
    if (!ok) continue;
    last[key] = date;
    row.request.note = note;
    row.request.by = by.empty() ? by_default : by;
    rows.push_back(std::move(row));
  }
  return rows;
}

int run_import(const ImportOptions& o, const Context& context) {
  const model::Date now = today();
  const util::FileRead read = util::read_regular_file(o.file, k_max_form_bytes, util::Follow::yes, "form (CSV file)");
  if (read.error) throw util::InputError(fmt::format("{}: {}", util::escape_for_display(o.file), *read.error));
  const std::string shown = util::escape_for_display(o.file);
  const util::CsvFile csv = util::read_csv(read.content);
  if (csv.error) throw util::InputError(fmt::format("{}: {}", shown, *csv.error));
  if (csv.records.empty()) throw util::InputError(fmt::format("{} is empty; make a form with bbg followup", shown));
  if (csv.cp1252) {
    *context.err << fmt::format("bbg: {} is not UTF-8; read as Windows-1252, as Excel's \"CSV (semikolonavgränsad)\" "
                                "writes it (\"CSV UTF-8\" keeps every character)\n",
                                shown);
  }
  workspace::Workspace& ws = context.workspace();
  const bool sv = context.lang() == Lang::sv;
  const std::shared_future<std::string> by_default = recorder(o.by, context);
  if (!o.dry_run) ws.lock_for_writing();  // the rows are checked against the files that are written
  const auto plans = ws.plan_summaries(model::Detail::report);
  std::vector<std::string> errors, notes;
  const std::vector<Row> rows = read_rows(csv, plans, now, by_default.get(), errors, notes);
  for (const auto& n : notes) *context.err << shown << ":" << n << '\n';
  if (!errors.empty()) {
    constexpr std::size_t k_shown = 50;  // a form of thousands of bad rows is not listed whole
    for (std::size_t i = 0; i < errors.size() && i < k_shown; ++i) *context.err << shown << ":" << errors[i] << '\n';
    if (errors.size() > k_shown) *context.err << fmt::format("{}: … and {} more\n", shown, errors.size() - k_shown);
    throw util::InputError(sv ? fmt::format("{}: {} fel i formuläret; inget fördes in", shown, errors.size())
                              : fmt::format("{}: {} problem{} in the form; nothing was recorded", shown, errors.size(),
                                            errors.size() == 1 ? "" : "s"));
  }
  if (rows.empty()) {
    *context.err << (sv ? fmt::format("bbg: inget att föra in: ingen rad i {} har en ny status\n", shown)
                        : fmt::format("bbg: nothing to record: no row of {} has a new status\n", shown));
    return 0;
  }
  std::map<std::string, std::size_t> per_plan;
  for (const auto& row : rows) ++per_plan[row.plan];
  for (const auto& [plan, count] : per_plan) {
    if (count > k_max_rows_per_plan || rows.size() > k_max_rows) {
      throw util::InputError(fmt::format("{}: {} filled-in rows, {} of them for {}; a form records at most {} per plan and "
                                         "{} in all: split it",
                                         shown, rows.size(), count, plan, k_max_rows_per_plan, k_max_rows));
    }
  }
  // One edit per plan, its rows in form order; all plans written, or none.
  std::vector<std::string> order;
  for (const auto& row : rows) {
    if (std::find(order.begin(), order.end(), row.plan) == order.end()) order.push_back(row.plan);
  }
  std::vector<std::string> summaries(rows.size());
  std::vector<std::pair<std::string, workspace::Change>> changes;
  for (const auto& plan_id : order) {
    changes.emplace_back(plan_id, [&, plan_id](std::string_view text, const yaml::Node&, const model::Plan& plan) {
      std::string current(text);
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].plan != plan_id) continue;
        const yaml::LoadResult loaded = yaml::load(current);
        if (!loaded.root) return yaml::EditResult{"", fmt::format("line {} of the form: the file cannot be read after the rows before it", rows[i].line)};
        const model::Plan now_plan = yaml::read_plan(*loaded.root, plan.file);
        Recorded recorded = record_update(current, *loaded.root, now_plan, rows[i].request);
        if (!recorded.result.error.empty()) {
          recorded.result.error = fmt::format("line {} of the form: {}", rows[i].line, recorded.result.error);
          return recorded.result;
        }
        const auto& r = rows[i].request;
        summaries[i] = fmt::format("{}: {}/{} {} -> {} ({}{}; line {})\n", plan.file, plan_id, r.activity_id,
                                   recorded.previous, recorded.activity_status.empty() ? r.status : recorded.activity_status,
                                   r.date.iso(), recorded.activity_status.empty() ? "" : fmt::format(", a round {}", r.status),
                                   rows[i].line);
        current = std::move(recorded.result.text);
      }
      return yaml::EditResult{std::move(current), ""};
    });
  }
  const auto edited = ws.edit_all(changes, o.dry_run ? workspace::DryRun::yes : workspace::DryRun::no);
  for (const auto& e : edited) {
    if (o.dry_run) *context.out << render::unified_diff(e.before, e.after, e.file);
  }
  if (!o.dry_run) {
    for (const auto& s : summaries) *context.out << s;
  }
  *context.out << std::flush;
  for (const auto& e : edited) print_new_warnings(context, e);
  if (sv) {
    *context.err << fmt::format("bbg: {} {} {} i {} {} från {}\n", o.dry_run ? "skulle föra in" : "förde in", rows.size(),
                                rows.size() == 1 ? "uppdatering" : "uppdateringar", edited.size(),
                                edited.size() == 1 ? "plan" : "planer", shown);
  } else {
    *context.err << fmt::format("bbg: {} {} update{} in {} plan{} from {}\n", o.dry_run ? "would record" : "recorded",
                                rows.size(), rows.size() == 1 ? "" : "s", edited.size(), edited.size() == 1 ? "" : "s", shown);
  }
  return 0;
}

}  // namespace

void register_import(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Record a filled-in follow-up form (bbg followup) as updates, all or nothing");
  cmd->footer(
      "Reads the form as Excel saves it: ';' or ',' between fields, UTF-8 with or without a byte order\n"
      "mark, or Windows-1252. Columns are found by their headers, in English or Swedish, in any order.\n"
      "A row whose new_status, date, note and by are empty changes nothing. Every other row is checked\n"
      "first (plan and activity ids, the title against the id, the status column against the plan as it\n"
      "is now, the status word, the date: YYYY-MM-DD, not after today, inside the plan's period, not\n"
      "before the activity's last update; a recurring activity's round; one row each; every problem\n"
      "with its line); then each\n"
      "plan file is edited as bbg update edits it, under the lock, and either every plan is written or\n"
      "none is. An empty date is today; an empty by is --by, else bbg.yaml's by, else git config\n"
      "user.name.");
  cmd->add_option("file", o->file, "The filled-in form (CSV)")->required()->type_name("FILE");
  add_by_option(*cmd, o->by);
  cmd->add_flag("--dry-run,-n", o->dry_run, "Print the diff that would be applied and write nothing");
  add_no_cache_option(*cmd, context);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_import(*o, context); }; });
}

}  // namespace bbg::cli
