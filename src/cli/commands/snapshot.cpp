// bbg snapshot and bbg snapshots: freeze the quarter's state in the SQLite store, and list
// what is stored.
#include <cstdlib>
#include <ctime>
#include <ostream>
#include <regex>

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "check/schema.hpp"
#include "cli/commands/commands.hpp"
#include "cli/git.hpp"
#include "cli/report_options.hpp"
#include "cli/repository.hpp"
#include "render/history.hpp"
#include "report/state.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

namespace bbg::cli {
namespace {

struct SnapshotOptions {
  std::string quarter;
  std::string as_of;
  std::string db;
  bool replace = false;
  bool skip_invalid = false;
  bool no_cache = false;
};

struct SnapshotsOptions {
  ReportOptions report;
  std::string db;
};

int run_snapshot(const SnapshotOptions& o, const Context& context) {
  static const std::regex k_quarter(R"(\d{4}-Q[1-4])");
  std::string quarter = o.quarter;
  if (!quarter.empty() && !std::regex_match(quarter, k_quarter)) {
    throw util::UsageError(fmt::format("--quarter {}: use YYYY-Qn, e.g. 2021-Q2", quarter));
  }
  std::optional<model::Date> day;
  if (!o.as_of.empty()) {
    day = model::parse_date(o.as_of);
    if (!day) throw util::UsageError(fmt::format("--as-of {}: not a date; use YYYY-MM-DD", o.as_of));
  }
  if (quarter.empty()) quarter = day ? model::quarter_of(*day) : model::previous_quarter(today());
  const model::Deadline span = *model::parse_deadline(quarter);
  if (!day) day = span.last;

  const auto root = require_root(context.root_option);
  const std::vector<check::Source> sources = read_sources(root, {});
  check::CheckResult checked = check_repository(root, sources, o.no_cache);
  const std::vector<model::Plan> plans = valid_plans(checked, context, o.skip_invalid);

  bool covered = false;
  for (const auto& p : plans) {
    const bool started = !(p.period_start && p.period_start->date) || !(span.last < *p.period_start->date);
    const bool not_ended = !(p.period_end && p.period_end->date) || !(*p.period_end->date < span.first);
    covered = covered || (started && not_ended);
  }
  if (!covered) {
    throw util::Error(fmt::format("no plan's period covers {}; nothing to snapshot (check --quarter)", quarter),
                      util::ExitCode::findings);
  }

  util::Sha256 hash;
  for (const auto& s : sources) {
    hash.update(s.file);
    hash.update(std::string_view("\0", 1));
    hash.update(s.content);
    hash.update(std::string_view("\0", 1));
  }
  store::Snapshot snapshot;
  snapshot.info.quarter = quarter;
  snapshot.info.as_of = day->iso();
  snapshot.info.taken_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  snapshot.info.git_commit = git_head(root).value_or("");
  snapshot.info.plans_hash = hash.hex();
  snapshot.info.bbg_version = std::string(check::bbg_version());
  snapshot.activities = report::activity_states(plans, *day);

  const auto path = store_path(context, o.db);
  store::Store db(path, store::Access::write);
  db.save(snapshot, o.replace);
  const auto done = std::count_if(snapshot.activities.begin(), snapshot.activities.end(),
                                  [](const auto& a) { return a.status == model::Status::done; });
  const auto overdue = std::count_if(snapshot.activities.begin(), snapshot.activities.end(), [](const auto& a) { return a.overdue; });
  *context.out << fmt::format("{} (as of {}): {} activities, {} done, {} overdue; stored in {}\n", quarter, day->iso(),
                              snapshot.activities.size(), done, overdue, path.string());
  return 0;
}

int run_snapshots(const SnapshotsOptions& o, const Context& context) {
  const store::Store db(store_path(context, o.db), store::Access::read);
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
  cmd->add_option("--db", o->db, "Snapshot database (default: $BBG_DB, else .bbg/bbg.db)")->type_name("PATH");
  cmd->add_flag("--skip-invalid", o->skip_invalid, "Leave out plan files that fail bbg check instead of stopping");
  cmd->add_flag("--no-cache", o->no_cache, "Read every plan file again instead of using .bbg/cache.db");
  cmd->callback([o, &context, &outcome] { outcome.exit_code = run_snapshot(*o, context); });

  auto list = std::make_shared<SnapshotsOptions>();
  CLI::App* ls = app.add_subcommand("snapshots", "List the stored snapshots");
  ls->add_option("--format,-f", list->report.format, "Output format: table (default), json, csv or markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->type_name("FORMAT");
  ls->add_option("--db", list->db, "Snapshot database (default: $BBG_DB, else .bbg/bbg.db)")->type_name("PATH");
  ls->callback([list, &context, &outcome] { outcome.exit_code = run_snapshots(*list, context); });
}

}  // namespace bbg::cli
