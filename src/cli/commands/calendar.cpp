// bbg calendar -o FILE.ics: the deadlines as an iCalendar file.
#include <ctime>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/report_options.hpp"
#include "render/calendar.hpp"

namespace bbg::cli {
namespace {

struct CalendarOptions {
  ReportOptions report;
  std::string output;
};

int run_calendar(const CalendarOptions& o, const Context& context) {
  const auto plans = load_plans(context, o.report.skip_invalid, o.report.no_cache);
  const auto filter = make_filter(o.report, plans);
  const std::string text = render::render_calendar(plans, filter, utc_now("%Y%m%dT%H%M%SZ"), output_lang(context));
  write_output(context, o.output, text, o.output);
  return 0;
}

}  // namespace

void register_calendar(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<CalendarOptions>();
  CLI::App* cmd = app.add_subcommand("calendar", "Deadlines as an iCalendar (.ics) file for Outlook, Google Calendar and Thunderbird");
  cmd->footer(
      "One all-day event per deadline; a recurring activity gets one per occurrence. UIDs depend only on\n"
      "plan, activity and occurrence, so importing the file again updates the events instead of\n"
      "duplicating them.");
  cmd->add_option("--output,-o", o->output, "Write to FILE.ics (atomically) instead of standard output")->type_name("FILE");
  cmd->add_option("--plan", o->report.plan, "Only this plan (its id)")->type_name("ID");
  cmd->add_option("--owner", o->report.owner, "Only activities with this owner (case does not matter)")->type_name("NAME");
  cmd->add_flag("--skip-invalid", o->report.skip_invalid, "Leave out plan files that fail bbg check instead of stopping");
  cmd->add_flag("--no-cache", o->report.no_cache, "Read every plan file again instead of using .bbg/cache.db");
  cmd->callback([o, &context, &outcome] { outcome.exit_code = run_calendar(*o, context); });
}

}  // namespace bbg::cli
