// bbg new plan ID ...: start a plan file in plans/, with the schema modeline.
#include <ostream>
#include <regex>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "util/error.hpp"
#include "util/text.hpp"
#include "yaml/edit.hpp"

namespace bbg::cli {
namespace {

struct NewPlanOptions {
  std::string id;
  std::string title;
  std::string level = "municipality";
  std::string organisation;
  std::string period;
  std::string parent;
  bool dry_run = false;
};

// "2024-01-01..2027-12-31", or with deadlines "2024..2027" (first day of the first, last day of the last).
std::pair<model::Date, model::Date> parse_period(const std::string& text) {
  const auto dots = text.find("..");
  if (dots != std::string::npos) {
    const auto start = model::parse_deadline(text.substr(0, dots));
    const auto end = model::parse_deadline(text.substr(dots + 2));
    if (start && end && !(end->last < start->first)) return {start->first, end->last};
  }
  throw util::UsageError(fmt::format("--period {}: use START..END, e.g. 2024-01-01..2027-12-31 or 2024..2027", text));
}

int run_new_plan(const NewPlanOptions& o, const Context& context) {
  static const std::regex k_id("[a-z0-9]+(-[a-z0-9]+)*");
  if (!std::regex_match(o.id, k_id)) {
    throw util::UsageError(fmt::format("{}: a plan id is lower-case letters, digits and dashes, e.g. ljungby-2024-2027", o.id));
  }
  const auto [start, end] = parse_period(o.period);
  workspace::Workspace& ws = context.workspace();
  if (!o.dry_run) ws.lock_for_writing();  // no other plan takes the id meanwhile
  const auto plans = ws.plan_summaries(model::Detail::summary, /*none_is_fine=*/true);
  std::vector<std::string> ids;
  for (const auto& plan : plans) {
    if (plan.id == o.id) throw util::UsageError(fmt::format("plan id \"{}\" is already used by {}", o.id, plan.file));
    ids.push_back(plan.id);
  }
  if (!o.parent.empty() && std::find(ids.begin(), ids.end(), o.parent) == ids.end()) {
    std::string message = fmt::format("--parent {}: no plan with that id", o.parent);
    if (const auto guess = util::closest_match(o.parent, ids)) message += fmt::format("; did you mean \"{}\"?", *guess);
    throw util::UsageError(message);
  }
  const std::string text = fmt::format(
      "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
      "schema_version: 1\n"
      "id: {}\n"
      "title: {}\n"
      "level: {}\n"
      "organisation: {}\n"
      "parent: {}\n"
      "period:\n"
      "  start: {}\n"
      "  end: {}\n"
      "areas: []\n",
      o.id, yaml::yaml_string(o.title), o.level, yaml::yaml_string(o.organisation), o.parent.empty() ? "null" : o.parent,
      start.iso(), end.iso());
  const std::string file = "plans/" + o.id + ".yaml";
  if (o.dry_run) {
    *context.out << "--- /dev/null\n+++ b/" << file << "\n";
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t eol = text.find('\n', at);
      *context.out << "+" << text.substr(at, eol - at) << "\n";
      at = eol + 1;
    }
    return 0;
  }
  ws.create(file, text);
  *context.out << fmt::format("{}: new plan {} ({} – {})\n", file, o.id, start.iso(), end.iso());
  return 0;
}

}  // namespace

void register_new(CLI::App& app, Context& context, Outcome& outcome) {
  CLI::App* cmd = app.add_subcommand("new", "Start a new plan file in plans/");
  cmd->require_subcommand(1);
  auto o = std::make_shared<NewPlanOptions>();
  CLI::App* plan = cmd->add_subcommand("plan", "Start a new plan: plans/ID.yaml with the schema modeline and no areas");
  plan->add_option("id", o->id, "Plan id: lower-case letters, digits and dashes")->required()->type_name("ID");
  plan->add_option("--title,-t", o->title, "Title of the plan")->required()->type_name("TEXT");
  plan->add_option("--organisation", o->organisation, "The organisation that owns the plan")->required()->type_name("NAME");
  plan->add_option("--period", o->period, "START..END, e.g. 2024-01-01..2027-12-31 or 2024..2027")->required()->type_name("PERIOD");
  plan->add_option("--level", o->level, "county, region, municipality (default) or organisation")
      ->check(CLI::IsMember({"county", "region", "municipality", "organisation"}))
      ->type_name("LEVEL");
  plan->add_option("--parent", o->parent, "Id of the plan this one implements")->type_name("PLAN");
  plan->add_flag("--dry-run,-n", o->dry_run, "Print the file that would be written and write nothing");
  add_no_cache_option(*plan, context);
  plan->callback([o, &context, &outcome] { outcome.run = [o, &context] { return run_new_plan(*o, context); }; });
}

}  // namespace bbg::cli
