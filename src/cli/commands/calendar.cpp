// bbg calendar -o FILE.ics: the deadlines as an iCalendar file.
#include <ctime>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "cli/clock.hpp"
#include "render/calendar.hpp"

namespace bbg::cli {
namespace {

struct CalendarOptions {
  ReportOptions report;
  std::string output;
};

int run_calendar(const CalendarOptions& o, const Context& context) {
  const auto plans = context.workspace().valid_plans(invalid(o.report.skip_invalid));
  const auto filter = make_filter(with_canonical_owner(context, o.report), plans);
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
  add_filter_options(*cmd, o->report);
  add_reading_options(*cmd, o->report.skip_invalid, context);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_calendar(*o, context); }; });
}

}  // namespace bbg::cli
