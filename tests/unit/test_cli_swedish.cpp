#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "cli/swedish.hpp"

using namespace bbg;

TEST_CASE("every command and subcommand has a Swedish description for bbg --help") {
  CLI::App app("bbg");
  cli::Context context;
  cli::Outcome outcome;
  for (const auto& command : cli::k_commands) command.register_command(app, context, outcome);
  std::vector<std::string> missing;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!cli::swedish_description(sub->get_description())) missing.push_back(sub->get_name());
    for (const CLI::App* inner : sub->get_subcommands({})) {
      if (!cli::swedish_description(inner->get_description())) missing.push_back(sub->get_name() + " " + inner->get_name());
    }
  }
  CHECK(app.get_subcommands({}).size() == std::size(cli::k_commands));
  CHECK(missing == std::vector<std::string>{});
}

TEST_CASE("CLI11's messages for unknown and missing arguments read in Swedish") {
  CHECK(cli::swedish_parse_error("The following arguments were not expected: x y") == "Dessa argument väntades inte: x y");
  CHECK(cli::swedish_parse_error("--status is required") == "--status krävs");
  CHECK(cli::swedish_parse_error("unknown command \"stauts\"; did you mean \"status\"?") ==
        "okänt kommando \"stauts\"; menade du \"status\"?");
  CHECK(cli::swedish_parse_error("something else") == "something else");
}
