// bbg snapshot and bbg snapshots: freeze the quarter's state in the SQLite store, and list
// what is stored.
#include <filesystem>
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
#include "util/text.hpp"
#include "workspace/git.hpp"

namespace bbg::cli {
namespace {

struct SnapshotOptions {
  std::string quarter;
  std::string as_of;
  std::string db;
  bool replace = false;
  bool skip_invalid = false;
  bool uncommitted = false;
};

struct SnapshotsOptions {
  ReportOptions report;
  std::string db;
};

int run_snapshot(const SnapshotOptions& o, const Context& context) {
  std::string quarter = o.quarter;
  if (!quarter.empty() && !model::is_quarter(quarter)) throw util::UsageError(fmt::format("--quarter {}: use YYYY-Qn, e.g. 2021-Q2", quarter));
  std::optional<model::Date> day;
  if (!o.as_of.empty()) {
    day = model::parse_date(o.as_of);
    if (!day) throw util::UsageError(fmt::format("--as-of {}: not a date; use YYYY-MM-DD", o.as_of));
  }
  const model::Date now = today();
  if (quarter.empty()) quarter = day ? model::quarter_of(*day) : model::previous_quarter(now);
  const model::Deadline span = *model::parse_deadline(quarter);
  // A snapshot is what was true: never of a day to come, and of a quarter that is not over
  // only when asked for a day so far.
  if (now < span.first) {
    throw util::UsageError(fmt::format("{} has not begun (today is {}); a snapshot freezes a quarter that is over", quarter, now.iso()));
  }
  if (day && now < *day) throw util::UsageError(fmt::format("--as-of {} is after today ({}); a snapshot records what was true", day->iso(), now.iso()));
  if (!day && !(span.last < now)) {
    throw util::UsageError(fmt::format("{} is not over until {}; take its snapshot after that, or freeze the state so "
                                       "far with --as-of {}",
                                       quarter, span.last.iso(), now.iso()));
  }
  if (!day) day = span.last;

  workspace::Workspace& ws = context.workspace();
  // The snapshot names the commit its numbers come from: none while plan files have changes
  // the commit does not hold, unless asked to record them without one.
  std::optional<std::string> commit = workspace::git_head(ws.root());
  if (commit) {
    const auto changed = workspace::git_uncommitted(ws.root(), {"plans", "owners.yaml"});
    if (changed && !changed->empty()) {
      if (!o.uncommitted) {
        throw util::UsageError(fmt::format("{} {} changes that are not committed ({}); commit them first, so that the "
                                           "snapshot names the commit its numbers come from, or pass --uncommitted to "
                                           "store it with no commit",
                                           changed->size() == 1 ? changed->front() : fmt::format("{} files", changed->size()),
                                           changed->size() == 1 ? "has" : "have",
                                           changed->size() == 1 ? "git status shows it" : util::join(*changed)));
      }
      commit.reset();
    }
  }
  ws.want_hashes();
  const std::vector<model::Plan> all = ws.valid_plans(invalid(o.skip_invalid), model::Detail::report);
  // Only the plans whose period overlaps the quarter: a plan not started yet, or over, has
  // nothing to report for it.
  const std::vector<model::Plan> plans = report::plans_in(all, quarter);
  if (plans.empty()) {
    throw util::Error(fmt::format("no plan's period covers {}; nothing to snapshot (check --quarter)", quarter),
                      util::ExitCode::findings);
  }
  model::SnapshotInfo info;
  info.quarter = quarter;
  info.as_of = day->iso();
  info.taken_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  info.git_commit = commit.value_or("");
  info.plans_hash = ws.plans_hash();
  info.bbg_version = std::string(check::bbg_version());
  const model::Snapshot snapshot = report::assemble_snapshot(plans, std::move(info));

  const auto path = store_path(context, o.db, true);
  store::Store db(path, store::Access::write);
  db.save(snapshot, o.replace);
  *context.out << fmt::format("{} (as of {}): {} activities in {} plan{}, {} done, {} overdue; stored in {}\n", quarter,
                              day->iso(), snapshot.info.activities, plans.size(), plans.size() == 1 ? "" : "s",
                              snapshot.info.done, snapshot.info.overdue, path.string());
  return 0;
}

int run_snapshots(const SnapshotsOptions& o, const Context& context) {
  const auto path = store_path(context, o.db, false);
  // No database where bbg keeps it: no snapshot taken yet, an empty list. A database named by
  // --db or BBG_DB that is missing stays an error (a mistyped path is not "none yet").
  std::error_code ec;
  if (store_path_is_default(o.db) && !std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    *context.out << render::render_snapshots({}, report_style(o.report, context)) << std::flush;
    return 0;
  }
  const store::Store db(path, store::Access::read);
  *context.out << render::render_snapshots(db.list(), report_style(o.report, context)) << std::flush;
  return 0;
}

}  // namespace

void register_snapshot(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<SnapshotOptions>();
  CLI::App* cmd = app.add_subcommand("snapshot", "Freeze a quarter's state (from the update logs) in the snapshot database");
  cmd->footer(
      "The state is computed for the quarter's last day from the activities' update logs, so a\n"
      "snapshot can be taken late or back-filled. Default: the last finished quarter. A quarter\n"
      "not over yet needs --as-of (a day so far); only plans whose period overlaps the quarter are\n"
      "counted; in git, plan files must be committed (the snapshot names the commit).");
  cmd->add_option("--quarter,-q", o->quarter, "Quarter to freeze, YYYY-Qn (default: the last finished one)")->type_name("QUARTER");
  cmd->add_option("--as-of", o->as_of, "Compute the state on this date instead of the quarter's last day")->type_name("DATE");
  cmd->add_flag("--replace", o->replace, "Replace the quarter's snapshot if it was taken before");
  cmd->add_flag("--uncommitted", o->uncommitted,
                "Store it although plan files have changes not committed (it then names no commit)");
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
