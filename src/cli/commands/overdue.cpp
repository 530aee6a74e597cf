// bbg overdue: what is late, most days overdue first.
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/reports.hpp"
#include "report/status.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

struct OverdueOptions {
  ReportOptions report;
  bool fail_on_overdue = false;
};

int run_overdue(const OverdueOptions& options, const Context& context) {
  const model::Date day = as_of(options.report);
  // A CI job's verdict never depends on the repository's defaults: bbg.yaml's owner filter
  // would let a pull request hide what is late.
  ReportOptions report = options.report;
  report.owner_from_config = !options.fail_on_overdue;
  return remembered_output(context, day, [&](std::ostream& out) {
    auto data = report_per_plan<report::ListReport>(
        context, report,
        [&](std::span<const model::Plan> plans, const report::Filter& filter) {
          return report::overdue_report(plans, day, filter);
        },
        [&](std::vector<report::ListReport> parts) { return report::merge_lists(std::move(parts), day); });
    const bool any = !data.activities.empty();
    render::write_overdue(std::move(data), report_style(options.report, context), out);
    return options.fail_on_overdue && any ? static_cast<int>(util::ExitCode::findings) : 0;
  });
}

}  // namespace

void register_overdue(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<OverdueOptions>();
  CLI::App* cmd = app.add_subcommand("overdue", "What is late, most days overdue first");
  cmd->footer(
      "An activity is overdue on a date when its deadline is before that date and its status then is\n"
      "neither done nor cancelled; a recurring one when its latest occurrence due before that date\n"
      "has no done update in its window.");
  add_report_options(*cmd, options->report, context, Filters::yes);
  cmd->add_flag("--fail-on-overdue", options->fail_on_overdue, "Exit 1 when anything is overdue (for CI jobs that should go red); bbg.yaml's owner filter does not apply");
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_overdue(*options, context); }; });
}

}  // namespace bbg::cli
