// bbg status: counts per status, overdue and done share, per plan, subject area or owner.
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/reports.hpp"
#include "report/status.hpp"

namespace bbg::cli {
namespace {

struct StatusOptions {
  ReportOptions report;
  std::string by = "plan";
};

int run_status(const StatusOptions& options, const Context& context) {
  const model::Date day = as_of(options.report);
  const report::GroupBy by = options.by == "owner" ? report::GroupBy::owner
                             : options.by == "area" ? report::GroupBy::area
                                                    : report::GroupBy::plan;
  return remembered_output(context, day, [&](std::ostream& out) {
    const auto data = report_per_plan<report::StatusReport>(
        context, options.report,
        [&](std::span<const model::Plan> plans, const report::Filter& filter) {
          return report::status_report(plans, day, by, filter);
        },
        [&](std::vector<report::StatusReport> parts) { return report::merge_status(std::move(parts), day, by); });
    out << render::render_status(data, report_style(options.report, context));
    return 0;
  });
}

}  // namespace

void register_status(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* cmd = app.add_subcommand("status", "Counts per status, overdue and done share, per plan, area or owner");
  cmd->footer(
      "The state on --as-of DATE is computed from the activities' update logs. An activity with\n"
      "several owners counts once under each owner with --by owner; the total counts it once.");
  cmd->add_option("--by", options->by, "Group by plan (default), area or owner")
      ->check(CLI::IsMember({"plan", "area", "owner"}))
      ->type_name("KEY");
  add_report_options(*cmd, options->report, context, Filters::yes);
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_status(*options, context); }; });
}

}  // namespace bbg::cli
