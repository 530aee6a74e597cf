// bbg followup --owner O: a form (CSV for Excel) of what an owner is asked about on a date, one
// row per open activity or due round, with empty columns for the answer; bbg import reads it
// back.
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/form.hpp"
#include "report/followup.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace bbg::cli {
namespace {

struct FollowupOptions {
  ReportOptions report;
  std::string output;
  bool force = false;
};

int run_followup(const FollowupOptions& o, const Context& context) {
  const model::Date day = as_of(o.report);
  const auto plans = context.workspace().valid_plans(invalid(o.report.skip_invalid), model::Detail::report);
  const auto filter = make_filter(with_canonical_owner(context, o.report), plans);
  if (!o.output.empty() && o.output != "-" && !o.force) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(o.output, ec))) {
      throw util::UsageError(fmt::format("{} exists, and a form may be filled in already: bbg does not replace it; name "
                                         "another file, or pass --force",
                                         o.output));
    }
  }
  std::vector<std::string> outside;
  for (const auto& plan : plans) {
    if ((!filter.plan || *filter.plan == plan.id) && !report::in_period(plan, day)) outside.push_back(plan.id);
  }
  if (!outside.empty()) {
    *context.err << fmt::format("bbg: left out {} (the period does not hold {}; no update can be recorded there)\n",
                                util::join(outside), day.iso());
  }
  const auto rows = report::followup_rows(plans, day, filter);
  const render::ReportStyle style = report_style(o.report, context);
  const std::string text = render::render_form(rows, style.lang, style.table);
  write_output(context, o.output, text,
               style.lang == render::Lang::sv
                   ? fmt::format("{} ({} {} att fylla i)", o.output, rows.size(), rows.size() == 1 ? "rad" : "rader")
                   : fmt::format("{} ({} row{} to fill in)", o.output, rows.size(), rows.size() == 1 ? "" : "s"));
  return 0;
}

}  // namespace

void register_followup(CLI::App& app, Context& context, Outcome& outcome) {
  auto o = std::make_shared<FollowupOptions>();
  CLI::App* cmd = app.add_subcommand("followup", "A follow-up form (CSV for Excel) of an owner's open activities and due rounds");
  cmd->footer(
      "One row per activity that is planned, in progress or delayed on --as-of, and per round of a\n"
      "recurring activity whose window has begun and that has no done update (missed or still open),\n"
      "of the plans whose period holds --as-of.\n"
      "The owner fills in new_status (ny_status), and if they like date (default: the day of the\n"
      "import), note and by; rows left empty change nothing. Read it back with bbg import FILE.\n"
      "Swedish (--lang sv or a Swedish locale) writes ';' with a byte order mark, as Swedish Excel\n"
      "opens and saves it.");
  cmd->add_option("--as-of", o->report.as_of, "What is open on this date (YYYY-MM-DD); default today")->type_name("DATE");
  add_filter_options(*cmd, o->report);
  cmd->add_option("--output,-o", o->output, "Write the form to FILE (atomically) instead of standard output")->type_name("FILE");
  cmd->add_flag("--force", o->force, "Replace FILE when it exists (it may be a form filled in already)");
  add_csv_options(*cmd, o->report);
  add_reading_options(*cmd, o->report.skip_invalid, context);
  cmd->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_followup(*o, context); }; });
}

}  // namespace bbg::cli
