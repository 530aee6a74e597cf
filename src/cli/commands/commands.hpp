// The ordered command table: each command registers its CLI11 subcommand, and declares what it
// needs from the repository (as ninja's tools declare when they run); run() opens the workspace
// accordingly after parsing, then runs the command the user chose.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace bbg::cli {

// What a command needs before it runs.
enum class Needs {
  nothing,           // no repository (init, the completion listings)
  repository_if_any, // the repository when there is one (check FILE..., the snapshot store with --db)
  repository,        // a plan repository, or the command is a usage error
};

// Set by the chosen command's callback: what to run once the workspace is open. Returns the
// exit code.
struct Outcome {
  std::function<int()> run;
};

using Register = void (*)(CLI::App& app, Context& context, Outcome& outcome);

// Whether a long output goes through the pager on a terminal (cli/pager.hpp).
enum class Pages { no, yes };

struct CommandEntry {
  const char* name;
  Register register_command;
  Needs needs;
  Pages pages = Pages::no;
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
void register_snapshots(CLI::App& app, Context& context, Outcome& outcome);
void register_diff(CLI::App& app, Context& context, Outcome& outcome);
void register_report(CLI::App& app, Context& context, Outcome& outcome);
void register_calendar(CLI::App& app, Context& context, Outcome& outcome);
void register_followup(CLI::App& app, Context& context, Outcome& outcome);
void register_import(CLI::App& app, Context& context, Outcome& outcome);
void register_complete(CLI::App& app, Context& context, Outcome& outcome);

// In the order `bbg --help` lists them.
inline constexpr CommandEntry k_commands[] = {
    {"check", register_check, Needs::repository_if_any, Pages::yes},
    {"status", register_status, Needs::repository, Pages::yes},
    {"overdue", register_overdue, Needs::repository, Pages::yes},
    {"stale", register_stale, Needs::repository, Pages::yes},
    {"show", register_show, Needs::repository, Pages::yes},
    {"update", register_update, Needs::repository},
    {"add", register_add, Needs::repository},
    {"new", register_new, Needs::repository},
    {"init", register_init, Needs::nothing},
    {"snapshot", register_snapshot, Needs::repository},
    {"snapshots", register_snapshots, Needs::repository_if_any, Pages::yes},
    {"diff", register_diff, Needs::repository_if_any, Pages::yes},
    {"report", register_report, Needs::repository_if_any, Pages::yes},
    {"calendar", register_calendar, Needs::repository},
    {"followup", register_followup, Needs::repository},
    {"import", register_import, Needs::repository},
    {"__complete", register_complete, Needs::repository_if_any},
};

}  // namespace bbg::cli
