// bbg diff A B: what changed between two states of the plans, each a stored quarter, "now"
// or a git revision (read from git without touching the work tree).
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/history.hpp"
#include "report/compare.hpp"
#include "report/state.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "util/text.hpp"
#include "workspace/git.hpp"

namespace bbg::cli {
namespace {

struct DiffOptions {
  ReportOptions report;
  std::string from;
  std::string to = "now";
  std::string db;
};

report::Side resolve(const std::string& name, const DiffOptions& o, const Context& context) {
  if (model::is_quarter(name)) {
    const store::Store db(store_path(context, o.db, false), store::Access::read);
    auto snapshot = db.load(name);
    if (!snapshot) {
      std::vector<std::string> quarters;
      for (const auto& info : db.list()) quarters.push_back(info.quarter);
      throw util::UsageError(fmt::format("no snapshot of {}; stored: {}", name, quarters.empty() ? "none" : util::join(quarters)));
    }
    return {name, model::parse_date(snapshot->info.as_of).value_or(model::Date()), std::move(snapshot->activities)};
  }
  const model::Date day = as_of(o.report);
  workspace::Workspace& ws = context.workspace();
  if (name == "now") return {name, day, report::activity_states(ws.valid_plans(invalid(o.report.skip_invalid), model::Detail::report), day)};
  if (!workspace::git_has_revision(ws.root(), name)) {
    throw util::UsageError(fmt::format("{}: not a stored quarter (YYYY-Qn), \"now\" or a git revision of {}", name, ws.root().string()));
  }
  workspace::Workspace at = ws.at_revision(name);
  return {name, day, report::activity_states(at.valid_plans(invalid(o.report.skip_invalid), model::Detail::report), day)};
}

int run_diff(const DiffOptions& o, const Context& context) {
  const report::Side from = resolve(o.from, o, context);
  const report::Side to = resolve(o.to, o, context);
  *context.out << render::render_comparison(report::compare(from, to), report_style(o.report, context)) << std::flush;
  return 0;
}

}  // namespace

void register_diff(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What changed between two states: stored quarters, now, or git revisions");
  cmd->footer(
      "A and B are each a stored quarter (2021-Q2), \"now\" (the plans on disk) or a git revision\n"
      "(origin/main, HEAD~3), whose plan files are read from git without touching the work tree.\n"
      "\"now\" and revisions are evaluated on --as-of (default today). Without B, A is compared\n"
      "with now: bbg diff HEAD~1 shows what the last commit changed, with the work tree's edits.");
  cmd->add_option("from", o->from, "The earlier state")->required()->type_name("A");
  cmd->add_option("to", o->to, "The later state (default: now)")->type_name("B");
  add_db_option(*cmd, o->db);
  add_report_options(*cmd, o->report, context, Filters::no);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_diff(*o, context); }; });
}

}  // namespace bbg::cli
