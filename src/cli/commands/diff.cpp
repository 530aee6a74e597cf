// bbg diff A B: what changed between two states of the plans, each a stored quarter, "now"
// or a git revision (read from git without touching the work tree).
#include <ostream>
#include <regex>

#include <fmt/format.h>

#include "check/schema.hpp"
#include "cli/commands/commands.hpp"
#include "cli/git.hpp"
#include "cli/report_options.hpp"
#include "cli/repository.hpp"
#include "render/history.hpp"
#include "report/compare.hpp"
#include "store/store.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace bbg::cli {
namespace {

struct DiffOptions {
  ReportOptions report;
  std::string from;
  std::string to;
  std::string db;
};

report::Side resolve(const std::string& name, const DiffOptions& o, const Context& context) {
  static const std::regex k_quarter(R"(\d{4}-Q[1-4])");
  if (std::regex_match(name, k_quarter)) {
    const store::Store db(store_path(context, o.db), store::Access::read);
    auto snapshot = db.load(name);
    if (!snapshot) {
      std::vector<std::string> quarters;
      for (const auto& info : db.list()) quarters.push_back(info.quarter);
      throw util::UsageError(fmt::format("no snapshot of {}; stored: {}", name, quarters.empty() ? "none" : util::join(quarters)));
    }
    return {name, model::parse_date(snapshot->info.as_of).value_or(model::Date()), std::move(snapshot->activities)};
  }
  const model::Date day = as_of(o.report);
  if (name == "now") return {name, day, report::activity_states(load_plans(context, o.report.skip_invalid, o.report.no_cache), day)};
  const auto root = require_root(context.root_option);
  if (!git_has_revision(root, name)) {
    throw util::UsageError(fmt::format("{}: not a stored quarter (YYYY-Qn), \"now\" or a git revision of {}", name, root.string()));
  }
  const check::SchemaChecker schema;
  check::CheckResult result = check::check_sources(git_sources(root, name, k_max_file_bytes), schema);
  for (auto& d : result.diagnostics) d.location.file = name + ":" + d.location.file;
  return {name, day, report::activity_states(valid_plans(result, context, o.report.skip_invalid), day)};
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
      "\"now\" and revisions are evaluated on --as-of (default today).");
  cmd->add_option("from", o->from, "The earlier state")->required()->type_name("A");
  cmd->add_option("to", o->to, "The later state")->required()->type_name("B");
  cmd->add_option("--db", o->db, "Snapshot database (default: $BBG_DB, else .bbg/bbg.db)")->type_name("PATH");
  add_report_options(*cmd, o->report, Filters::no);
  cmd->callback([o, &context, &outcome] { outcome.exit_code = run_diff(*o, context); });
}

}  // namespace bbg::cli
