// bbg show PLAN/ACTIVITY: one activity with its history and occurrences.
#include <ostream>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/show.hpp"
#include "report/show.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

struct ShowOptions {
  ReportOptions report;
  std::string address;
};

int run_show(const ShowOptions& options, const Context& context) {
  const model::Date day = as_of(options.report);
  const auto plans = context.workspace().valid_plans(invalid(options.report.skip_invalid));
  const report::Lookup lookup = report::find_activity(plans, options.address);
  if (!lookup.found) throw util::UsageError(lookup.error);
  const auto& f = *lookup.found;
  const auto data = report::detail(*f.plan, *f.area, *f.activity, day);
  *context.out << render::render_show(data, report_style(options.report, context)) << std::flush;
  return 0;
}

}  // namespace

void register_show(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "One activity with its update history and, if it recurs, its occurrences");
  cmd->add_option("activity", options->address,
                  "PLAN/ACTIVITY, e.g. kronoberg-2019-2023/2.3; the activity id alone when it is unique")
      ->required()
      ->type_name("PLAN/ACTIVITY");
  add_report_options(*cmd, options->report, context, Filters::no);
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_show(*options, context); }; });
}

}  // namespace bbg::cli
