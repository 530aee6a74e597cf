// What the report commands (status, overdue, stale, show) share: date, format and filter
// options, loading only plans that pass the check, and the output style.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <span>
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

// Like load_plans, but hands each plan to `visit` as soon as it is read (from the worker threads,
// for different plans at the same time; `index` numbers the plan files) and keeps only the
// plans' summaries (file, id, title, parent). Returns the indexes of the plans that pass the
// check, in file order, with their summaries in `summaries`.
std::vector<std::size_t> visit_plans(const Context& context, bool skip_invalid, bool no_cache,
                                     const std::function<void(std::size_t index, const model::Plan& plan)>& visit,
                                     std::vector<model::Plan>& summaries);

// One `Part` per plan that passes the check, in file order, each made by `reduce(plan)` while
// the plans are read: what lets status and overdue report on thousands of plans without
// holding them all in memory.
template <typename Part, typename Reduce>
std::vector<Part> reduce_plans(const Context& context, const ReportOptions& options, Reduce reduce,
                               std::vector<model::Plan>& summaries) {
  std::mutex lock;
  std::map<std::size_t, Part> parts;
  const auto valid = visit_plans(
      context, options.skip_invalid, options.no_cache,
      [&](std::size_t index, const model::Plan& plan) {
        Part part = reduce(plan);
        const std::lock_guard<std::mutex> guard(lock);
        parts.emplace(index, std::move(part));
      },
      summaries);
  std::vector<Part> out;
  out.reserve(valid.size());
  for (const std::size_t index : valid) out.push_back(std::move(parts.at(index)));
  return out;
}

// The snapshot database: --db, else $BBG_DB, else .bbg/bbg.db in the repository.
std::filesystem::path store_path(const Context& context, const std::string& db_option);

// Every plan of the repository that loads, whether or not it passes the check (for finding
// what a write command addresses; the write itself checks its result). Prints nothing.
std::vector<model::Plan> load_all_plans(const Context& context, bool no_cache = false);

// Checks the repository's plan files, through the check cache unless `no_cache`.
check::CheckResult check_repository(const std::filesystem::path& root, const std::vector<check::Source>& sources, bool no_cache);
// The same, freeing each file's content once it is checked.
check::CheckResult check_repository(const std::filesystem::path& root, std::vector<check::Source>&& sources, bool no_cache);

// The filter of --plan and --owner, checked against the plans: an unknown plan or owner is a
// usage error with a suggestion.
report::Filter make_filter(const ReportOptions& options, const std::vector<model::Plan>& plans);
// The same, checked against the plans' ids and every owner they name.
report::Filter make_filter(const ReportOptions& options, const std::vector<std::string>& ids,
                           const std::vector<std::string>& owners);

// The filter of --plan and --owner as given, not yet checked against the plans.
report::Filter requested_filter(const ReportOptions& options);

// A report on every plan that passes the check, made plan by plan while the plans are read:
// `report_on(plans, filter)` on one plan at a time, then `merge(parts)` in file order. --plan
// and --owner are then checked against all the plans as make_filter does.
template <typename Report, typename ReportOn, typename Merge>
Report report_per_plan(const Context& context, const ReportOptions& options, ReportOn report_on, Merge merge) {
  struct Part {
    Report report;
    std::vector<std::string> owners;
  };
  const report::Filter filter = requested_filter(options);
  std::vector<model::Plan> summaries;
  auto parts = reduce_plans<Part>(
      context, options,
      [&](const model::Plan& plan) {
        return Part{report_on(std::span<const model::Plan>(&plan, 1), filter), report::owners_of(plan)};
      },
      summaries);
  std::vector<std::string> ids, owners;
  for (const auto& plan : summaries) ids.push_back(plan.id);
  std::vector<Report> reports;
  for (auto& part : parts) {
    owners.insert(owners.end(), part.owners.begin(), part.owners.end());
    reports.push_back(std::move(part.report));
  }
  make_filter(options, ids, owners);  // throws for an unknown --plan or --owner
  return merge(std::move(reports));
}

}  // namespace bbg::cli
