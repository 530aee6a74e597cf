// bbg stale: open activities whose follow-up has gone quiet.
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/reports.hpp"
#include "report/status.hpp"

namespace bbg::cli {
namespace {

struct StaleOptions {
  ReportOptions report;
  int days = 90;
};

int run_stale(const StaleOptions& options, const Context& context) {
  const model::Date day = as_of(options.report);
  return remembered_output(context, day, [&](std::ostream& out) {
    auto data = report_per_plan<report::ListReport>(
        context, options.report,
        [&](std::span<const model::Plan> plans, const report::Filter& filter) {
          return report::stale_report(plans, day, options.days, filter);
        },
        [&](std::vector<report::ListReport> parts) { return report::merge_lists(std::move(parts), day); });
    render::write_stale(std::move(data), options.days, report_style(options.report, context), out);
    return 0;
  });
}

}  // namespace

void register_stale(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<StaleOptions>();
  CLI::App* cmd = app.add_subcommand("stale", "Open activities whose follow-up has gone quiet");
  cmd->footer(
      "Lists activities not done or cancelled whose last update is more than --days days old, or\n"
      "that never had one and started (start, else the plan's start) more than --days days ago.");
  cmd->add_option("--days", options->days, "Days without an update before an activity is stale (default 90)")
      ->check(CLI::Range(0, 100000))
      ->type_name("N");
  add_report_options(*cmd, options->report, context, Filters::yes);
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_stale(*options, context); }; });
}

}  // namespace bbg::cli
