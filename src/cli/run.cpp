#include "cli/run.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "cli/commands/commands.hpp"
#include "cli/pager.hpp"
#include "cli/swedish.hpp"
#include "render/diagnostics.hpp"
#include "util/error.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {
namespace {

// The workspace the chosen command needs, opened once its flags are known.
std::optional<workspace::Workspace> open_workspace(Needs needs, const Context& context) {
  if (needs == Needs::nothing) return std::nullopt;
  workspace::Options options;
  options.root = context.root_option;
  options.no_cache = context.no_cache;
  workspace::Workspace ws = workspace::Workspace::open(options, needs == Needs::repository);
  std::ostream* err = context.err;
  ws.on_note([err](const std::string& text) { *err << "bbg: " << text << '\n'; });
  return ws;
}

}  // namespace

int run(int argc, const char* const* argv) {
  Pager pager;
  int code = run(argc, argv, std::cout, std::cerr, [&pager] { pager.start(); });
  if (pager.running()) {
    // The reader may quit the pager before the end: the output was not lost, they stopped it.
    pager.finish();
    return code;
  }
  // Output that could not be written is a failure, not a success with nothing in the file
  // (a full disk, /dev/full, a closed pipe): said once, at the end, with exit 2.
  errno = 0;
  std::cout.flush();
  const bool lost = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (lost) {
    const int err = errno;
    if (help_in_swedish(argc, argv)) {
      std::cerr << "bbg: fel: utdata kunde inte skrivas till standard ut"
                << (err ? std::string(": ") + std::strerror(err) : std::string(" (är disken full?)")) << '\n';
    } else {
      std::cerr << "bbg: error: cannot write the output to standard output"
                << (err ? std::string(": ") + std::strerror(err) : std::string(" (is the disk full?)")) << '\n';
    }
    if (code == 0 || code == 1) code = static_cast<int>(util::ExitCode::usage);
  }
  return code;
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return run(argc, argv, out, err, nullptr);
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const std::function<void()>& start_pager) {
  Context context;
  context.out = &out;
  context.err = &err;
  context.start_pager = start_pager;
  Outcome outcome;

  CLI::App app("bbg keeps \"Barnens bästa gäller!\" action plans as YAML files in git: it validates them,\n"
               "shows where they stand and what is late, and records progress.",
               "bbg");
  app.set_version_flag("--version", fmt::format("bbg {} (commit {})", check::bbg_version(), check::bbg_commit()),
                       "Print the version and the commit bbg was built from");
  app.add_option("--root", context.root_option, "Plan repository root (default: the first folder upwards with plans/)")
      ->type_name("DIR");
  app.add_option("--color", context.color_option, "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_option("--lang", context.lang_option, "Language of labels: en or sv (default: from LANG)")
      ->check(CLI::IsMember({"en", "sv"}))
      ->type_name("LANG");
  app.add_flag("--no-pager", context.no_pager, "Never send long output through the pager (default on a terminal: $PAGER, else less -FRX)");
  app.fallthrough();  // global options may follow the command: bbg status --lang sv
  app.footer("Run 'bbg COMMAND --help' for a command's options. See man bbg.");
  for (const auto& command : k_commands) command.register_command(app, context, outcome);
  // Help and the frame of messages follow --lang or the locale (bbg.yaml is not read yet).
  const bool swedish = help_in_swedish(argc, argv);
  if (swedish) translate_help(app);
  const char* error_prefix = swedish ? "bbg: fel: " : "bbg: error: ";

  for (int i = 1; i < argc; ++i) context.args.emplace_back(argv[i]);
  try {
    app.parse(argc, argv);
    const auto chosen = app.get_subcommands();
    if (chosen.empty() || !outcome.run) {
      out << app.help();
      return 0;
    }
    Needs needs = Needs::repository;
    Pages pages = Pages::no;
    for (const auto& command : k_commands) {
      if (chosen.front()->get_name() == command.name) {
        needs = command.needs;
        pages = command.pages;
      }
    }
    std::optional<workspace::Workspace> ws = open_workspace(needs, context);
    context.set_workspace(ws ? &*ws : nullptr);
    if (pages == Pages::yes && !context.no_pager && context.start_pager) {
      // Colour and width are what the terminal is, not the pager's pipe.
      context.color();
      context.terminal_width();
      context.start_pager();
    }
    return outcome.run();
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    // The help to read is the command's own: "bbg update --help", "bbg add activity --help".
    std::string command = "bbg";
    for (const CLI::App* at = &app;;) {
      const auto chosen = at->get_subcommands();
      if (chosen.empty()) break;
      at = chosen.front();
      command += " " + at->get_name();
    }
    std::string message = e.what();
    // A mistyped command: "bbg stauts" names the command it is nearest to.
    if (command == "bbg" && argc > 1 && argv[1][0] != '-') {
      std::vector<std::string> names;
      for (const auto& known : k_commands) names.emplace_back(known.name);
      if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
        message = fmt::format("unknown command \"{}\"", util::escape_for_display(argv[1]));
        if (const auto guess = util::closest_match(argv[1], names)) message += fmt::format("; did you mean \"{}\"?", *guess);
      }
    }
    if (swedish) {
      err << "bbg: fel: " << swedish_parse_error(message) << "\nKör '" << command << " --help' för hjälp.\n";
    } else {
      err << "bbg: error: " << message << "\nRun '" << command << " --help' for usage.\n";
    }
    return static_cast<int>(util::ExitCode::usage);
  } catch (const workspace::InvalidPlans& e) {
    for (const auto& d : e.diagnostics()) err << render::one_line(d) << '\n';
    err << error_prefix << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const util::Error& e) {
    err << error_prefix << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    err << error_prefix << (swedish ? "slut på minne\n" : "out of memory\n");
    return static_cast<int>(util::ExitCode::usage);
  } catch (const std::exception& e) {
    err << error_prefix << e.what() << '\n';
    return static_cast<int>(util::ExitCode::usage);
  }
}

}  // namespace bbg::cli
