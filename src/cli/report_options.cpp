#include "cli/report_options.hpp"

#include <ctime>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cstdlib>
#include <ostream>
#include <set>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/schema.hpp"
#include "cli/cache.hpp"
#include "cli/repository.hpp"
#include "render/diagnostics.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace bbg::cli {
namespace {

std::size_t terminal_width() {
  if (::isatty(STDOUT_FILENO) == 1) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  }
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 0;
}

// The file contents read for the check are freed by now, but glibc keeps the pages: hand them
// back, so that the report that follows does not count on top of them.
void give_back_free_memory() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

}  // namespace

void add_report_options(CLI::App& cmd, ReportOptions& o, Filters filters) {
  cmd.add_option("--as-of", o.as_of, "Report the state on this date (YYYY-MM-DD), computed from the update logs; default today")
      ->type_name("DATE");
  cmd.add_option("--format,-f", o.format, "Output format: table (default), json, csv or markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->type_name("FORMAT");
  if (filters == Filters::yes) {
    cmd.add_option("--plan", o.plan, "Only this plan (its id)")->type_name("ID");
    cmd.add_option("--owner", o.owner, "Only activities with this owner (case does not matter)")->type_name("NAME");
  }
  cmd.add_option("--csv-sep", o.csv_separator, "CSV field separator: ',' (default) or ';' (Excel with a Swedish locale)")
      ->check(CLI::IsMember({",", ";", "\t"}))
      ->type_name("SEP");
  cmd.add_flag("--bom", o.csv_bom, "Start CSV output with a UTF-8 byte order mark, so that Excel reads å, ä, ö right");
  cmd.add_flag("--skip-invalid", o.skip_invalid, "Leave out plan files that fail bbg check instead of stopping");
  cmd.add_flag("--no-cache", o.no_cache, "Read every plan file again instead of using .bbg/cache.db");
}

model::Date today() {
  if (const char* fixed = std::getenv("BBG_TODAY"); fixed && *fixed) {
    if (const auto date = model::parse_date(fixed)) return *date;
    throw util::UsageError(fmt::format("BBG_TODAY={}: not a date; use YYYY-MM-DD", fixed));
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return model::Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string utc_now(const char* format) {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::atoll(epoch));
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[64];
  return std::strftime(text, sizeof text, format, &utc) ? text : "";
}

model::Date as_of(const ReportOptions& options) {
  if (options.as_of.empty()) return today();
  if (const auto date = model::parse_date(options.as_of)) return *date;
  throw util::UsageError(fmt::format("--as-of {}: not a date; use YYYY-MM-DD, e.g. 2021-06-30", options.as_of));
}

render::ReportStyle report_style(const ReportOptions& options, const Context& context) {
  render::ReportStyle style;
  if (options.format == "json") {
    style.format = render::ReportFormat::json;
  } else if (options.format == "csv") {
    style.format = render::ReportFormat::csv;
  } else if (options.format == "markdown") {
    style.format = render::ReportFormat::markdown;
  }
  style.lang = output_lang(context);
  style.table.color = style.format == render::ReportFormat::table && context.color();
  style.table.width = terminal_width();
  style.table.csv_separator = options.csv_separator.empty() ? ',' : options.csv_separator[0];
  style.table.csv_bom = options.csv_bom;
  return style;
}

namespace {

// check_sources on `sources` (a const or an rvalue vector) through the repository's check cache.
template <typename Sources>
check::CheckResult check_cached(const std::filesystem::path& root, Sources&& sources, bool no_cache,
                                check::CheckOptions options = {}) {
  const check::SchemaChecker schema;
  const CacheSession cache(root, no_cache);
  options.cache = cache.get();
  return check::check_sources(std::forward<Sources>(sources), schema, options);
}

}  // namespace

check::CheckResult check_repository(const std::filesystem::path& root, const std::vector<check::Source>& sources, bool no_cache) {
  return check_cached(root, sources, no_cache);
}

check::CheckResult check_repository(const std::filesystem::path& root, std::vector<check::Source>&& sources, bool no_cache) {
  return check_cached(root, std::move(sources), no_cache);
}

render::Lang output_lang(const Context& context) { return context.lang() == Lang::sv ? render::Lang::sv : render::Lang::en; }

void write_output(const Context& context, const std::string& path, const std::string& text, const std::string& what) {
  if (path.empty() || path == "-") {
    *context.out << text << std::flush;
    return;
  }
  util::write_file_atomically(path, text);
  *context.err << fmt::format("bbg: wrote {}\n", what);
}

std::vector<model::Plan> load_plans(const Context& context, bool skip_invalid, bool no_cache) {
  const auto root = require_root(context.root_option);
  check::CheckResult result = check_repository(root, read_sources(root, {}, Reading::deferred), no_cache);
  return valid_plans(result, context, skip_invalid);
}

namespace {

// The positions in result.plans of the plans that pass the check. A plan with errors stops the
// command (its errors on stderr, exit 1) unless `skip_invalid`, which skips it with a note.
std::vector<std::size_t> valid_positions(const check::CheckResult& result, const Context& context, bool skip_invalid) {
  std::set<std::string> invalid;
  for (const auto& d : result.diagnostics) {
    if (d.severity == model::Severity::error) invalid.insert(d.location.file);
  }
  if (!invalid.empty()) {
    if (!skip_invalid) {
      for (const auto& d : result.diagnostics) {
        if (d.severity == model::Severity::error) *context.err << render::one_line(d) << '\n';
      }
      throw util::Error(fmt::format("{} plan file{} failed bbg check; fix {} or pass --skip-invalid to leave {} out",
                                    invalid.size(), invalid.size() == 1 ? "" : "s", invalid.size() == 1 ? "it" : "them",
                                    invalid.size() == 1 ? "it" : "them"),
                        util::ExitCode::findings);
    }
    for (const auto& file : invalid) *context.err << "bbg: skipped " << file << ": it fails bbg check\n";
  }
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < result.plans.size(); ++i) {
    if (result.plan_valid[i]) positions.push_back(i);
  }
  return positions;
}

}  // namespace

std::vector<model::Plan> valid_plans(check::CheckResult& result, const Context& context, bool skip_invalid) {
  std::vector<model::Plan> plans;
  for (const std::size_t i : valid_positions(result, context, skip_invalid)) plans.push_back(std::move(result.plans[i]));
  return plans;
}

std::vector<std::size_t> visit_plans(const Context& context, bool skip_invalid, bool no_cache,
                                     const std::function<void(std::size_t, const model::Plan&)>& visit,
                                     std::vector<model::Plan>& summaries) {
  const auto root = require_root(context.root_option);
  check::CheckOptions options;
  options.keep_models = false;
  options.on_plan = visit;
  check::CheckResult result = check_cached(root, read_sources(root, {}, Reading::deferred), no_cache, options);
  give_back_free_memory();
  std::vector<std::size_t> indexes;
  summaries.clear();
  for (const std::size_t i : valid_positions(result, context, skip_invalid)) {
    indexes.push_back(result.plan_source[i]);
    summaries.push_back(std::move(result.plans[i]));
  }
  return indexes;
}

std::filesystem::path store_path(const Context& context, const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("BBG_DB"); env && *env) return env;
  // Relative to the working folder when inside it, as messages show it.
  const auto path = require_root(context.root_option) / ".bbg" / "bbg.db";
  std::error_code ec;
  const auto shown = std::filesystem::proximate(path, std::filesystem::current_path(ec), ec);
  return ec || shown.native().rfind("..", 0) == 0 ? path : shown;
}

std::vector<model::Plan> load_all_plans(const Context& context, bool no_cache) {
  const auto root = require_root(context.root_option);
  return check_repository(root, read_sources(root, {}), no_cache).plans;
}

report::Filter make_filter(const ReportOptions& options, const std::vector<model::Plan>& plans) {
  std::vector<std::string> ids, owners;
  for (const auto& plan : plans) {
    ids.push_back(plan.id);
    for (auto& owner : report::owners_of(plan)) owners.push_back(std::move(owner));
  }
  return make_filter(options, ids, owners);
}

report::Filter requested_filter(const ReportOptions& options) {
  report::Filter filter;
  if (!options.plan.empty()) filter.plan = options.plan;
  if (!options.owner.empty()) filter.owner = options.owner;
  return filter;
}

report::Filter make_filter(const ReportOptions& options, const std::vector<std::string>& ids,
                           const std::vector<std::string>& owners) {
  report::Filter filter;
  if (!options.plan.empty()) {
    if (std::find(ids.begin(), ids.end(), options.plan) == ids.end()) {
      std::string message = fmt::format("--plan {}: no plan with that id", options.plan);
      if (const auto guess = util::closest_match(options.plan, ids)) message += fmt::format("; did you mean \"{}\"?", *guess);
      throw util::UsageError(message);
    }
    filter.plan = options.plan;
  }
  if (!options.owner.empty()) {
    if (std::none_of(owners.begin(), owners.end(), [&](const auto& o) { return report::same_owner(o, options.owner); })) {
      std::string message = fmt::format("--owner {}: no activity has that owner", options.owner);
      if (const auto guess = util::closest_match(options.owner, owners)) message += fmt::format("; did you mean \"{}\"?", *guess);
      throw util::UsageError(message);
    }
    filter.owner = options.owner;
  }
  return filter;
}

}  // namespace bbg::cli
