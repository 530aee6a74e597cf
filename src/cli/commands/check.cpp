// bbg check [PATH...]: parse and validate plans, report every finding.
#include <ostream>

#include "check/embedded.hpp"
#include "cli/commands/commands.hpp"
#include "cli/options.hpp"
#include "render/diagnostics.hpp"
#include "util/error.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format_name = "text";
  bool strict = false;
};

render::CheckFormat parse_format(const std::string& name) {
  if (name == "json") return render::CheckFormat::json;
  if (name == "github") return render::CheckFormat::github;
  if (name == "junit") return render::CheckFormat::junit;
  if (name == "sarif") return render::CheckFormat::sarif;
  return render::CheckFormat::text;
}

int run_check(const CheckOptions& options, const Context& context) {
  const render::CheckFormat format = parse_format(options.format_name);
  // Without PATHs the repository is required (the workspace says so when there is none).
  const workspace::Checked checked = context.workspace().check(options.paths);
  render::CheckReport report;
  report.files = checked.files;
  report.checked = checked.result.files;
  report.diagnostics = &checked.result.diagnostics;
  report.source = [&](const std::string& file) {
    const auto it = checked.contents.find(file);
    return it == checked.contents.end() ? std::string_view() : std::string_view(it->second);
  };
  report.color = context.color() && format == render::CheckFormat::text;
  report.tool_version = std::string(check::bbg_version());
  *context.out << render::render_check(report, format) << std::flush;

  if (checked.result.unreadable) return static_cast<int>(util::ExitCode::usage);
  const std::size_t errors = check::count(checked.result.diagnostics, model::Severity::error);
  const std::size_t warnings = check::count(checked.result.diagnostics, model::Severity::warning);
  if (errors > 0 || (options.strict && warnings > 0)) return static_cast<int>(util::ExitCode::findings);
  return 0;
}

}  // namespace

void register_check(CLI::App& app, Context& context, Outcome& outcome) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Parse and validate plan files: YAML, JSON Schema and semantic rules");
  cmd->footer(
      "With no PATH, checks every plans/**/*.yaml of the repository. With PATHs (files or folders),\n"
      "reports on those only, using the rest of the repository for cross-file rules.\n"
      "Outcomes are cached outside the repository (see --no-cache); a cache in the repository is never read.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),\n"
      "2 usage error, no plans found, or a file that could not be read.");
  cmd->add_option("paths", options->paths, "Plan files or folders to check (default: the repository's plans/)")
      ->type_name("PATH...");
  cmd->add_option("--format,-f", options->format_name, "Output format: text (default), json, github, junit or sarif")
      ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif"}))
      ->type_name("FORMAT");
  cmd->add_flag("--strict", options->strict, "Treat warnings as errors (exit 1 on any warning)");
  add_no_cache_option(*cmd, context);
  cmd->callback([options, &context, &outcome] { outcome.run = [options, &context] { return run_check(*options, context); }; });
}

}  // namespace bbg::cli
