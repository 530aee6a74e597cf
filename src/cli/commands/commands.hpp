// The ordered command table: each command registers its CLI11 subcommand and its handler.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace bbg::cli {

// Set by a command's callback: the process exit code.
struct Outcome {
  int exit_code = 0;
};

using Register = void (*)(CLI::App& app, Context& context, Outcome& outcome);

struct CommandEntry {
  const char* name;
  Register register_command;
};

void register_check(CLI::App& app, Context& context, Outcome& outcome);
void register_status(CLI::App& app, Context& context, Outcome& outcome);
void register_overdue(CLI::App& app, Context& context, Outcome& outcome);
void register_stale(CLI::App& app, Context& context, Outcome& outcome);
void register_show(CLI::App& app, Context& context, Outcome& outcome);
void register_update(CLI::App& app, Context& context, Outcome& outcome);
void register_add(CLI::App& app, Context& context, Outcome& outcome);
void register_new(CLI::App& app, Context& context, Outcome& outcome);
void register_init(CLI::App& app, Context& context, Outcome& outcome);
void register_snapshot(CLI::App& app, Context& context, Outcome& outcome);
void register_diff(CLI::App& app, Context& context, Outcome& outcome);
void register_report(CLI::App& app, Context& context, Outcome& outcome);
void register_calendar(CLI::App& app, Context& context, Outcome& outcome);
void register_complete(CLI::App& app, Context& context, Outcome& outcome);

// In the order `bbg --help` lists them.
inline constexpr CommandEntry k_commands[] = {
    {"check", register_check},
    {"status", register_status},
    {"overdue", register_overdue},
    {"stale", register_stale},
    {"show", register_show},
    {"update", register_update},
    {"add", register_add},
    {"new", register_new},
    {"init", register_init},
    {"snapshot", register_snapshot},
    {"diff", register_diff},
    {"report", register_report},
    {"calendar", register_calendar},
    {"__complete", register_complete},
};

}  // namespace bbg::cli
