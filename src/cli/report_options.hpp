// What the report commands (status, overdue, stale, show) share: date, format and filter
// options, loading only plans that pass the check, and the output style.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "check/checker.hpp"
#include "cli/context.hpp"
#include "model/plan.hpp"
#include "render/reports.hpp"
#include "report/status.hpp"

namespace bbg::cli {

struct ReportOptions {
  std::string as_of;
  std::string format;  // empty: table
  std::string plan;
  std::string owner;
  std::string csv_separator = ",";
  bool csv_bom = false;
  bool skip_invalid = false;
  bool no_cache = false;
};

enum class Filters { yes, no };

void add_report_options(CLI::App& cmd, ReportOptions& options, Filters filters);

// Today's local date; BBG_TODAY=YYYY-MM-DD overrides it (for tests and reproducible reports).
model::Date today();

// Now in UTC, formatted by strftime's `format`; SOURCE_DATE_EPOCH (seconds) fixes it, for
// reproducible output and tests.
std::string utc_now(const char* format);

// --as-of, or today. Throws UsageError for a malformed date.
model::Date as_of(const ReportOptions& options);

render::ReportStyle report_style(const ReportOptions& options, const Context& context);

// The language of labels, from --lang or the locale.
render::Lang output_lang(const Context& context);

// Prints `text` on stdout when `path` is empty or "-"; else writes it to `path` atomically and
// says "bbg: wrote <what>" on stderr.
void write_output(const Context& context, const std::string& path, const std::string& text, const std::string& what);

// The repository's plans that pass `bbg check`. A plan with errors stops the command (its
// errors go to stderr, exit 1) unless --skip-invalid, which skips it with a note on stderr.
std::vector<model::Plan> load_plans(const Context& context, bool skip_invalid, bool no_cache = false);

// The plans of a check result that passed it; the same rules for invalid ones as load_plans.
std::vector<model::Plan> valid_plans(check::CheckResult& result, const Context& context, bool skip_invalid);

// The snapshot database: --db, else $BBG_DB, else .bbg/bbg.db in the repository.
std::filesystem::path store_path(const Context& context, const std::string& db_option);

// Every plan of the repository that loads, whether or not it passes the check (for finding
// what a write command addresses; the write itself checks its result). Prints nothing.
std::vector<model::Plan> load_all_plans(const Context& context, bool no_cache = false);

// Checks the repository's plan files, through the check cache unless `no_cache`.
check::CheckResult check_repository(const std::filesystem::path& root, const std::vector<check::Source>& sources, bool no_cache);

// The filter of --plan and --owner, checked against the plans: an unknown plan or owner is a
// usage error with a suggestion.
report::Filter make_filter(const ReportOptions& options, const std::vector<model::Plan>& plans);

}  // namespace bbg::cli
