// bbg add activity PLAN/AREA ... and bbg add area PLAN ...: grow a plan without touching the
// rest of its file.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/edit.hpp"
#include "cli/options.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace bbg::cli {
namespace {

struct AddActivityOptions {
  std::string address;  // PLAN/AREA
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  std::string start;
  std::string due;
  std::string status = "planned";
  std::string follow_up;
  bool dry_run = false;
};

struct AddAreaOptions {
  std::string plan;
  std::string id;
  std::string title;
  bool dry_run = false;
};

void check_deadline(const std::string& flag, const std::string& value) {
  if (!value.empty() && !model::parse_deadline(value)) {
    throw util::UsageError(fmt::format("{} {}: not a deadline; use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY", flag, value));
  }
}

int run_add_activity(const AddActivityOptions& o, const Context& context) {
  const auto slash = o.address.find('/');
  if (slash == std::string::npos) throw util::UsageError(fmt::format("{}: name the area as PLAN/AREA, e.g. kronoberg-2019-2023/3", o.address));
  const std::string plan_id = o.address.substr(0, slash), area_id = o.address.substr(slash + 1);
  check_deadline("--due", o.due);
  check_deadline("--start", o.start);
  std::string id;
  const auto edit = [&](std::string_view text, const yaml::Node& root, const model::Plan& plan) {
    const auto area = std::find_if(plan.areas.begin(), plan.areas.end(), [&](const auto& a) { return a.id == area_id; });
    if (area == plan.areas.end() && plan.areas.empty()) {
      throw util::UsageError(fmt::format("plan {} has no areas yet; add one first: bbg add area {} --title TEXT", plan_id, plan_id));
    }
    if (area == plan.areas.end()) {
      std::vector<std::string> ids;
      for (const auto& a : plan.areas) ids.push_back(a.id);
      throw util::UsageError(fmt::format("no area \"{}\" in plan {}; its areas are: {}", area_id, plan_id, util::join(ids)));
    }
    id = o.id.empty() ? model::next_activity_id(plan, *area) : o.id;
    yaml::NewActivity activity{id, o.title, o.owners, o.start, o.due, o.status, o.follow_up};
    return yaml::add_activity(text, root, area_id, activity);
  };
  const auto summary = [&](const model::Plan& plan) { return fmt::format("{}: added activity {}/{}\n", plan.file, plan_id, id); };
  return edit_plan(context, plan_id, edit, summary, o.dry_run ? workspace::DryRun::yes : workspace::DryRun::no);
}

int run_add_area(const AddAreaOptions& o, const Context& context) {
  std::string id;
  const auto edit = [&](std::string_view text, const yaml::Node& root, const model::Plan& plan) {
    id = o.id.empty() ? model::next_area_id(plan) : o.id;
    return yaml::add_area(text, root, {id, o.title});
  };
  const auto summary = [&](const model::Plan& plan) { return fmt::format("{}: added area {} to {}\n", plan.file, id, o.plan); };
  return edit_plan(context, o.plan, edit, summary, o.dry_run ? workspace::DryRun::yes : workspace::DryRun::no);
}

}  // namespace

void register_add(CLI::App& app, Context& context, Outcome& outcome) {
  CLI::App* cmd = app.add_subcommand("add", "Add an activity to an area, or an area to a plan");
  cmd->require_subcommand(1);

  auto activity = std::make_shared<AddActivityOptions>();
  CLI::App* a = cmd->add_subcommand("activity", "Add an activity at the end of an area");
  a->add_option("area", activity->address, "PLAN/AREA, e.g. kronoberg-2019-2023/3")->required()->type_name("PLAN/AREA");
  a->add_option("--title,-t", activity->title, "What is to be done")->required()->type_name("TEXT");
  a->add_option("--owner,-o", activity->owners, "A responsible owner (repeat for several)")->type_name("NAME");
  a->add_option("--due", activity->due, "Deadline: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY")->type_name("DEADLINE");
  a->add_option("--start", activity->start, "Start, in the same grammar as --due")->type_name("DEADLINE");
  a->add_option("--id", activity->id, "Activity id (default: the next after the area's last, e.g. 3.4)")->type_name("ID");
  add_status_option(*a, activity->status, "Initial status (default planned); the words of bbg update --status",
                    /*required=*/false);
  a->add_option("--follow-up", activity->follow_up, "How the activity is followed up")->type_name("TEXT");
  a->add_flag("--dry-run,-n", activity->dry_run, "Print the diff that would be applied and write nothing");
  add_no_cache_option(*a, context);
  a->callback([activity, &context, &outcome] { outcome.run = [activity, &context] { return run_add_activity(*activity, context); }; });

  auto area = std::make_shared<AddAreaOptions>();
  CLI::App* r = cmd->add_subcommand("area", "Add a subject area at the end of a plan");
  r->add_option("plan", area->plan, "Plan id")->required()->type_name("PLAN");
  r->add_option("--title,-t", area->title, "Title of the area")->required()->type_name("TEXT");
  r->add_option("--id", area->id, "Area id (default: one more than the highest numeric id)")->type_name("ID");
  r->add_flag("--dry-run,-n", area->dry_run, "Print the diff that would be applied and write nothing");
  add_no_cache_option(*r, context);
  r->callback([area, &context, &outcome] { outcome.run = [area, &context] { return run_add_area(*area, context); }; });
}

}  // namespace bbg::cli
