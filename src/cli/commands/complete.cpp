// bbg __complete WHAT: hidden, machine-readable listings for the shell completion scripts,
// so that completions never go stale: commands, the flags of one command, plan ids,
// PLAN/ACTIVITY ids, owners (canonical names) and statuses.
#include <ostream>

#include <set>
#include <sstream>

#include "cli/commands/commands.hpp"
#include "model/owners.hpp"
#include "report/status.hpp"
#include "workspace/workspace.hpp"
#include "util/error.hpp"

namespace bbg::cli {

void register_complete(CLI::App& app, Context& context, Outcome& outcome) {
  CLI::App* cmd = app.add_subcommand("__complete", "List commands or flags for shell completion");
  cmd->group("");        // hidden from --help
  cmd->fallthrough(false);
  cmd->prefix_command();  // everything after it is ours: "commands", "flags COMMAND", ...
  cmd->callback([cmd, &app, &context, &outcome] {
    outcome.run = [cmd, &app, &context] {
      std::ostream& out = *context.out;
      const std::vector<std::string> what = cmd->remaining();
      const std::string kind = what.empty() ? "" : what.front();
      // "commands [COMMAND]" and "flags COMMAND [SUBCOMMAND]": CLI11 knows them, so they never go stale.
      const CLI::App* scope = &app;
      for (std::size_t i = 1; i < what.size() && scope; ++i) scope = scope->get_subcommand(what[i]);
      if (kind == "commands" && what.size() <= 2) {
        for (const CLI::App* sub : scope->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
          out << sub->get_name() << '\n';
        }
      } else if (kind == "flags" && (what.size() == 2 || what.size() == 3)) {
        for (const CLI::Option* opt : scope->get_options()) {
          for (const auto& name : opt->get_lnames()) out << "--" << name << '\n';
          for (const auto& name : opt->get_snames()) out << "-" << name << '\n';
        }
      } else if (kind == "activities" || kind == "plans") {
        // Plans that fail the check are left out silently: completion must never print errors.
        if (!context.has_workspace()) return 0;
        workspace::Workspace& ws = context.workspace();
        ws.on_note([](const std::string&) {});
        const auto detail = kind == "plans" ? model::Detail::summary : model::Detail::report;
        for (const auto& plan : ws.valid_plans(workspace::Invalid::skip, detail)) {
          if (kind == "plans") {
            out << plan.id << '\n';
            continue;
          }
          for (const auto& area : plan.areas) {
            for (const auto& activity : area.activities) out << plan.id << '/' << activity.id << '\n';
          }
        }
      } else if (kind == "owners") {
        // Canonical names: the registry's, then any other owner the plans name.
        if (!context.has_workspace()) return 0;
        workspace::Workspace& ws = context.workspace();
        ws.on_note([](const std::string&) {});
        std::vector<std::string> names;
        if (const model::Owners* owners = ws.owners()) {
          for (const auto& entry : owners->entries()) names.push_back(entry.name);
        }
        for (const auto& plan : ws.valid_plans(workspace::Invalid::skip, model::Detail::report)) {
          for (auto& owner : report::owners_of(plan)) names.push_back(std::move(owner));
        }
        std::set<std::string> seen;
        for (const auto& name : names) {
          if (seen.insert(model::name_key(name)).second) out << name << '\n';
        }
      } else if (kind == "statuses") {
        for (const auto status : model::k_all_statuses) out << model::to_string(status) << '\n';
      } else {
        throw util::UsageError(
            "__complete: use commands [COMMAND], flags COMMAND [SUBCOMMAND], plans, activities, owners or statuses");
      }
      return 0;
    };
  });
}

}  // namespace bbg::cli
