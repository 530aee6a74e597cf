// bbg __complete WHAT: hidden, machine-readable listings for the shell completion scripts,
// so that completions never go stale: commands, and the flags of one command.
#include <ostream>

#include "cli/commands/commands.hpp"
#include "util/error.hpp"

namespace bbg::cli {

void register_complete(CLI::App& app, Context& context, Outcome& outcome) {
  CLI::App* cmd = app.add_subcommand("__complete", "List commands or flags for shell completion");
  cmd->group("");        // hidden from --help
  cmd->prefix_command();  // everything after it is ours: "commands" or "flags COMMAND"
  cmd->callback([cmd, &app, &context, &outcome] {
    std::ostream& out = *context.out;
    const std::vector<std::string> what = cmd->remaining();
    const std::string kind = what.empty() ? "" : what.front();
    if (kind == "commands") {
      for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        out << sub->get_name() << '\n';
      }
    } else if (kind == "flags" && what.size() == 2) {
      const CLI::App* sub = app.get_subcommand(what[1]);
      for (const CLI::Option* opt : sub->get_options()) {
        for (const auto& name : opt->get_lnames()) out << "--" << name << '\n';
        for (const auto& name : opt->get_snames()) out << "-" << name << '\n';
      }
    } else {
      throw util::UsageError("__complete: use 'commands' or 'flags COMMAND'");
    }
    outcome.exit_code = 0;
  });
}

}  // namespace bbg::cli
