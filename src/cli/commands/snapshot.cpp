// bbg snapshot and bbg snapshots: freeze the quarter's state in the SQLite store, and list
// what is stored.
#include <ostream>

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "cli/clock.hpp"
#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/history.hpp"
#include "report/snapshot.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "workspace/git.hpp"

namespace bbg::cli {
namespace {

struct SnapshotOptions {
  std::string quarter;
  std::string as_of;
  std::string db;
  bool replace = false;
  bool skip_invalid = false;
};

struct SnapshotsOptions {
  ReportOptions report;
  std::string db;
};

bool is_quarter(const std::string& text) {
  return text.size() == 7 && std::all_of(text.begin(), text.begin() + 4, ::isdigit) && text.substr(4, 2) == "-Q" &&
         text[6] >= '1' && text[6] <= '4';
}

int run_snapshot(const SnapshotOptions& o, const Context& context) {
  std::string quarter = o.quarter;
  if (!quarter.empty() && !is_quarter(quarter)) throw util::UsageError(fmt::format("--quarter {}: use YYYY-Qn, e.g. 2021-Q2", quarter));
  std::optional<model::Date> day;
  if (!o.as_of.empty()) {
    day = model::parse_date(o.as_of);
    if (!day) throw util::UsageError(fmt::format("--as-of {}: not a date; use YYYY-MM-DD", o.as_of));
  }
  if (quarter.empty()) quarter = day ? model::quarter_of(*day) : model::previous_quarter(today());
  if (!day) day = model::parse_deadline(quarter)->last;

  workspace::Workspace& ws = context.workspace();
  ws.want_hashes();
  const std::vector<model::Plan> plans = ws.valid_plans(invalid(o.skip_invalid), model::Detail::report);
  if (!report::covers(plans, quarter)) {
    throw util::Error(fmt::format("no plan's period covers {}; nothing to snapshot (check --quarter)", quarter),
                      util::ExitCode::findings);
  }
  model::SnapshotInfo info;
  info.quarter = quarter;
  info.as_of = day->iso();
  info.taken_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  info.git_commit = workspace::git_head(ws.root()).value_or("");
  info.plans_hash = ws.plans_hash();
  info.bbg_version = std::string(check::bbg_version());
  const model::Snapshot snapshot = report::assemble_snapshot(plans, std::move(info));

  const auto path = store_path(context, o.db, true);
  store::Store db(path, store::Access::write);
  db.save(snapshot, o.replace);
  *context.out << fmt::format("{} (as of {}): {} activities, {} done, {} overdue; stored in {}\n", quarter, day->iso(),
                              snapshot.info.activities, snapshot.info.done, snapshot.info.overdue, path.string());
  return 0;
}

int run_snapshots(const SnapshotsOptions& o, const Context& context) {
  const store::Store db(store_path(context, o.db, false), store::Access::read);
  *context.out << render::render_snapshots(db.list(), report_style(o.report, context)) << std::flush;
  return 0;
}

}  // namespace

void register_snapshot(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<SnapshotOptions>();
  CLI::App* cmd = app.add_subcommand("snapshot", "Freeze a quarter's state (from the update logs) in the snapshot database");
  cmd->footer(
      "The state is computed for the quarter's last day from the activities' update logs, so a\n"
      "snapshot can be taken late or back-filled. Default: the last finished quarter.");
  cmd->add_option("--quarter,-q", o->quarter, "Quarter to freeze, YYYY-Qn (default: the last finished one)")->type_name("QUARTER");
  cmd->add_option("--as-of", o->as_of, "Compute the state on this date instead of the quarter's last day")->type_name("DATE");
  cmd->add_flag("--replace", o->replace, "Replace the quarter's snapshot if it was taken before");
  add_db_option(*cmd, o->db);
  add_reading_options(*cmd, o->skip_invalid, context);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_snapshot(*o, context); }; });
}

void register_snapshots(CLI::App& app, Context& context, Outcome& outcome) {
  auto list = std::make_shared<SnapshotsOptions>();
  CLI::App* ls = app.add_subcommand("snapshots", "List the stored snapshots");
  ls->add_option("--format,-f", list->report.format, "Output format: table (default), json, csv or markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->type_name("FORMAT");
  add_db_option(*ls, list->db);
  ls->callback([list, &context, &outcome] { outcome.run = [list, &context] { return run_snapshots(*list, context); }; });
}

}  // namespace bbg::cli
