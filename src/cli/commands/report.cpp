// bbg report: the quarterly report for the steering group, as Markdown or one self-contained
// HTML file.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/history.hpp"
#include "store/store.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

struct QuarterlyOptions {
  std::string quarter;
  std::string format = "markdown";
  std::string output;
  std::string db;
};

int run_report(const QuarterlyOptions& o, const Context& context) {
  const store::Store db(store_path(context, o.db, false), store::Access::read);
  const auto history = db.list();
  if (history.empty()) throw util::StoreError("no snapshots yet; take one with bbg snapshot");
  const std::string quarter = o.quarter.empty() ? history.back().quarter : o.quarter;
  const auto current = db.load(quarter);
  if (!current) throw util::UsageError(fmt::format("no snapshot of {}; bbg snapshots lists them", quarter));
  std::optional<model::Snapshot> previous;
  for (const auto& info : history) {
    if (info.quarter < quarter) previous = db.load(info.quarter);
  }
  std::vector<model::SnapshotInfo> trend;
  for (const auto& info : history) {
    if (info.quarter <= quarter) trend.push_back(info);
  }
  render::QuarterlyReport data{&*current, previous ? &*previous : nullptr, trend};
  const std::string text = render::render_quarterly(
      data, o.format == "html" ? render::DocumentFormat::html : render::DocumentFormat::markdown, output_lang(context));
  write_output(context, o.output, text, fmt::format("the {} report of {} to {}", o.format, quarter, o.output));
  return 0;
}

}  // namespace

void register_report(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<QuarterlyOptions>();
  CLI::App* cmd = app.add_subcommand("report", "The quarterly report for the steering group (Markdown or HTML)");
  cmd->footer(
      "First the key figures per plan (activities, done, in progress, overdue, rounds missed, each with\n"
      "its change since the previous snapshot) and the trend of done and overdue over the stored\n"
      "quarters on a time axis; then per plan and subject area, what changed, and per owner the counts\n"
      "and only that owner's overdue items. HTML is one self-contained file with inline SVG charts that\n"
      "prints on A4.");
  cmd->add_option("--quarter,-q", o->quarter, "Quarter to report (default: the latest snapshot)")->type_name("QUARTER");
  cmd->add_option("--format,-f", o->format, "markdown (default) or html")
      ->check(CLI::IsMember({"markdown", "html"}))
      ->type_name("FORMAT");
  cmd->add_option("--output,-o", o->output, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
  add_db_option(*cmd, o->db);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_report(*o, context); }; });
}

}  // namespace bbg::cli
