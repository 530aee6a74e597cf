// bbg check [PATH...]: parse and validate plans, report every finding.
#include <map>
#include <ostream>

#include "check/checker.hpp"
#include "check/embedded.hpp"
#include "check/schema.hpp"
#include "cli/cache.hpp"
#include "cli/commands/commands.hpp"
#include "cli/repository.hpp"
#include "render/diagnostics.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format_name = "text";
  bool strict = false;
  bool no_cache = false;
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
  std::optional<std::filesystem::path> root;
  if (options.paths.empty()) {
    root = require_root(context.root_option);
  } else if (!context.root_option.empty()) {
    root = require_root(context.root_option);
  } else {
    std::error_code ec;
    root = find_root(std::filesystem::current_path(ec));
  }
  // Read by the workers, and only the files with findings stay in memory (for their source lines).
  std::vector<check::Source> sources = read_sources(root, options.paths, Reading::deferred);
  const check::SchemaChecker schema;
  const CacheSession cache(root, options.no_cache);
  check::CheckOptions check_options;
  check_options.cache = cache.get();
  check_options.keep_models = false;  // check needs the plans only for the rules across files
  const check::CheckResult result = check::check_sources(std::move(sources), schema, check_options);

  std::map<std::string, std::string_view> contents;
  std::vector<std::string> files;
  for (const auto& source : sources) {
    if (!source.report) continue;
    files.push_back(source.file);
    contents[source.file] = source.content;
  }
  render::CheckReport report;
  report.files = files;
  report.checked = result.files;
  report.diagnostics = &result.diagnostics;
  report.source = [&](const std::string& file) {
    const auto it = contents.find(file);
    return it == contents.end() ? std::string_view() : it->second;
  };
  report.color = context.color() && format == render::CheckFormat::text;
  report.tool_version = std::string(check::bbg_version());
  *context.out << render::render_check(report, format) << std::flush;

  if (result.unreadable) return static_cast<int>(util::ExitCode::usage);
  const std::size_t errors = check::count(result.diagnostics, model::Severity::error);
  const std::size_t warnings = check::count(result.diagnostics, model::Severity::warning);
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
      "Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),\n"
      "2 usage error, no plans found, or a file that could not be read.");
  cmd->add_option("paths", options->paths, "Plan files or folders to check (default: the repository's plans/)")
      ->type_name("PATH...");
  cmd->add_option("--format,-f", options->format_name, "Output format: text (default), json, github, junit or sarif")
      ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif"}))
      ->type_name("FORMAT");
  cmd->add_flag("--strict", options->strict, "Treat warnings as errors (exit 1 on any warning)");
  cmd->add_flag("--no-cache", options->no_cache, "Check every file again instead of using .bbg/cache.db");
  cmd->callback([options, &context, &outcome] { outcome.exit_code = run_check(*options, context); });
}

}  // namespace bbg::cli
