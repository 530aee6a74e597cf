// bbg update PLAN/ACTIVITY --status S: append an update to the activity's log and set its
// status, editing only those lines of the file.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/clock.hpp"
#include "cli/edit.hpp"
#include "cli/options.hpp"
#include "report/show.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

struct UpdateOptions {
  std::string address;
  std::string status;
  std::string note;
  std::string date;
  std::string by;
  std::string round;
  bool dry_run = false;
};

int run_update(const UpdateOptions& options, const Context& context) {
  const model::Date now = today();
  const model::Date date = options.date.empty() ? now : [&] {
    const auto parsed = model::parse_date(options.date);
    if (!parsed) throw util::UsageError(fmt::format("--date {}: not a date; use YYYY-MM-DD", options.date));
    return *parsed;
  }();
  // Find the plan: by its id from the plans' summaries (no file is read when the cache knows
  // them), or, for an activity id alone, the one plan that has it. The edit reads the file
  // itself under the lock and finds the activity there.
  workspace::Workspace& ws = context.workspace();
  const std::shared_future<std::string> by = recorder(options.by, context);
  if (!options.dry_run) ws.lock_for_writing();  // the lookup and the edit see the same files
  const auto slash = options.address.find('/');
  const bool named = slash != std::string::npos;
  const auto plans = ws.plan_summaries(named ? model::Detail::summary : model::Detail::report);
  std::string plan_id = named ? options.address.substr(0, slash) : "";
  std::string activity_id = named ? options.address.substr(slash + 1) : options.address;
  if (named) {
    if (std::none_of(plans.begin(), plans.end(), [&](const model::Plan& p) { return p.id == plan_id; })) {
      throw util::UsageError(report::find_activity(plans, options.address).error);
    }
  } else {
    const report::Lookup lookup = report::find_activity(plans, options.address);
    if (!lookup.found) throw util::UsageError(lookup.error);
    plan_id = lookup.found->plan->id;
  }
  std::string previous;
  std::string activity_status;  // when it is not --status

  // The order of updates and every other rule are the check's: the edited file must pass it.
  const auto edit = [&](std::string_view text, const yaml::Node& root, const model::Plan& plan) {
    Recorded recorded =
        record_update(text, root, plan, {activity_id, date, options.status, options.note, by.get(), options.round});
    previous = recorded.previous;
    activity_status = recorded.activity_status;
    return recorded.result;
  };
  const auto summary = [&](const model::Plan& plan) {
    if (!activity_status.empty()) {
      return fmt::format("{}: {}/{} {} -> {} ({}; a round {}, not the last: the activity is done when its last round is)\n",
                         plan.file, plan_id, activity_id, previous, activity_status, date.iso(), options.status);
    }
    return fmt::format("{}: {}/{} {} -> {} ({})\n", plan.file, plan_id, activity_id, previous, options.status, date.iso());
  };
  const int code = edit_plan(context, plan_id, edit, summary, options.dry_run ? workspace::DryRun::yes : workspace::DryRun::no);
  if (now < date) {
    *context.err << fmt::format("bbg: warning: the update is dated {}, after today ({}); if that is a typo, correct the "
                                "date in the file by hand\n",
                                date.iso(), now.iso());
  }
  return code;
}

}  // namespace

void register_update(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<UpdateOptions>();
  CLI::App* cmd = app.add_subcommand("update", "Record progress: append an update to an activity and set its status");
  cmd->footer(
      "Only the activity's status line and the new update's lines change; comments, quoting, key\n"
      "order, indentation and line endings stay as they were. The result must pass bbg check, or\n"
      "nothing is written. Concurrent runs wait for each other (.bbg/lock).\n"
      "For a recurring activity the update is one round's outcome: --status done on any round but the\n"
      "period's last records that round and leaves the activity in_progress.");
  cmd->add_option("activity", options->address, "PLAN/ACTIVITY, or the activity id alone when it is unique")
      ->required()
      ->type_name("PLAN/ACTIVITY");
  add_status_option(*cmd, options->status,
                    "New status: planned, in_progress, done, delayed or cancelled, or as the tables show them "
                    "(in progress; planerad, pågår, klar, försenad, avbruten), in any case",
                    /*required=*/true);
  cmd->add_option("--note,-m", options->note, "What happened")->type_name("TEXT");
  cmd->add_option("--date", options->date, "Date of the update (YYYY-MM-DD); default today; not before the last update (the check refuses that)")
      ->type_name("DATE");
  add_by_option(*cmd, options->by);
  cmd->add_option("--round", options->round,
                  "For a recurring activity: the round the update belongs to (e.g. 2021-04); default: the round whose "
                  "window holds the date")
      ->type_name("ROUND");
  cmd->add_flag("--dry-run,-n", options->dry_run, "Print the diff that would be applied and write nothing");
  add_no_cache_option(*cmd, context);
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_update(*options, context); }; });
}

}  // namespace bbg::cli
