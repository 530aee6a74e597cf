// The flags several commands share, declared once, and what they turn into: the date of a
// report, its format and style, the filter of --plan and --owner, where output and snapshots go.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "model/plan.hpp"
#include "render/reports.hpp"
#include "report/status.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {

struct ReportOptions {
  std::string as_of;
  std::string format;  // empty: table
  std::string plan;
  std::string owner;
  bool owner_given = false;      // --owner on the command line, even --owner '' (everyone's)
  bool owner_from_config = true; // false: bbg.yaml's owner never applies (--fail-on-overdue)
  std::string csv_separator;     // empty: bbg.yaml's, else ';' in Swedish and ',' in English
  std::optional<bool> csv_bom;   // --bom / --no-bom; none: bbg.yaml's, else on in Swedish
  bool skip_invalid = false;
};

enum class Filters { yes, no };

// --as-of, --format, (--plan, --owner), --csv-sep, --bom, --skip-invalid and --no-cache.
void add_report_options(CLI::App& cmd, ReportOptions& options, Context& context, Filters filters);
// --csv-sep and --bom / --no-bom.
void add_csv_options(CLI::App& cmd, ReportOptions& options);
// --plan and --owner alone.
void add_filter_options(CLI::App& cmd, ReportOptions& options);
// --skip-invalid and --no-cache, for every command that reads the plans.
void add_reading_options(CLI::App& cmd, bool& skip_invalid, Context& context);
// --no-cache alone (check, the writing commands).
void add_no_cache_option(CLI::App& cmd, Context& context);

// --status of update and add: any word model::parse_status_word takes (klar, pågår, In progress),
// turned into the file's word (done, in_progress); an unknown word is refused with the words
// there are and the nearest one.
void add_status_option(CLI::App& cmd, std::string& status, const std::string& help, bool required);
// --by NAME of update and import, and who records when it is not given: bbg.yaml's `by`, else
// `git config user.name`, else nobody (no by: line).
void add_by_option(CLI::App& cmd, std::string& by);
// Who records, found while the caller goes on: asking git takes a process (20 ms and more on a
// slow machine), so it runs beside the lookup; get() it when writing.
std::shared_future<std::string> recorder(const std::string& by_option, const Context& context);
// --db PATH.
void add_db_option(CLI::App& cmd, std::string& db);

// --as-of, or today. Throws UsageError for a malformed date.
model::Date as_of(const ReportOptions& options);

// The CSV separator and byte order mark: the command line's, else bbg.yaml's, else the
// language's (Swedish: ';' and a BOM, as Swedish Excel reads them; English: ',' and none).
struct CsvStyle {
  char separator = ',';
  bool bom = false;
};
CsvStyle csv_style(const ReportOptions& options, const Context& context);

render::ReportStyle report_style(const ReportOptions& options, const Context& context);

// The language of labels, from --lang or the locale.
render::Lang output_lang(const Context& context);

// Prints `text` on stdout when `path` is empty or "-"; else writes it to `path` atomically and
// says "bbg: wrote <what>" on stderr.
void write_output(const Context& context, const std::string& path, const std::string& text, const std::string& what);

workspace::Invalid invalid(bool skip_invalid);

// The snapshot database: --db, else $BBG_DB, else .bbg/bbg.db in the repository (never through
// a symbolic link; `create` makes .bbg when missing).
std::filesystem::path store_path(const Context& context, const std::string& db_option, bool create);
// True when neither --db nor BBG_DB names the database: store_path is bbg's own .bbg/bbg.db.
bool store_path_is_default(const std::string& db_option);

// The filter of --plan and --owner, checked against the plans: an unknown plan or owner is a
// usage error with a suggestion.
report::Filter make_filter(const ReportOptions& options, const std::vector<model::Plan>& plans);
// The same, checked against the plans' ids and every owner they name.
report::Filter make_filter(const ReportOptions& options, const std::vector<std::string>& ids,
                           const std::vector<std::string>& owners);
// The filter of --plan and --owner as given, not yet checked against the plans.
report::Filter requested_filter(const ReportOptions& options);
// `options` with bbg.yaml's owner when --owner was not given (said on stderr), and --owner as
// the registry's canonical name when owners.yaml knows it by any name (reports show canonical
// names only).
ReportOptions with_canonical_owner(const Context& context, ReportOptions options);

// A report command's output (status, overdue, stale): when every plan file is known unchanged by
// its metadata since a run with the same command line, date, language, colour and terminal width,
// what that run printed and its exit status, from the check cache; otherwise what `write` prints
// and returns, remembered when the run gave no note on stderr (a run that throws is never).
int remembered_output(const Context& context, model::Date day, const std::function<int(std::ostream&)>& write);

// A report on every plan that passes the check, made plan by plan while the plans are read:
// `report_on(plans, filter)` on one plan at a time (in the worker threads), then `merge(parts)`
// in file order. --plan and --owner are then checked against all the plans as make_filter does.
template <typename Report, typename ReportOn, typename Merge>
Report report_per_plan(const Context& context, const ReportOptions& given, ReportOn report_on, Merge merge) {
  const ReportOptions options = with_canonical_owner(context, given);
  struct Part {
    Report report;
    std::vector<std::string> owners;
  };
  const report::Filter filter = requested_filter(options);
  std::mutex lock;
  std::map<std::size_t, Part> parts;
  const auto visited = context.workspace().visit_valid_plans(
      invalid(options.skip_invalid), [&](std::size_t index, const model::Plan& plan) {
        Part part{report_on(std::span<const model::Plan>(&plan, 1), filter),
                  options.owner.empty() ? std::vector<std::string>{} : report::owners_of(plan)};
        const std::lock_guard<std::mutex> guard(lock);
        parts.emplace(index, std::move(part));
      });
  std::vector<std::string> ids, owners;
  for (const auto& plan : visited.summaries) ids.push_back(plan.id);
  std::vector<Report> reports;
  reports.reserve(visited.valid.size());
  for (const std::size_t index : visited.valid) {
    Part& part = parts.at(index);
    owners.insert(owners.end(), part.owners.begin(), part.owners.end());
    reports.push_back(std::move(part.report));
  }
  make_filter(options, ids, owners);  // throws for an unknown --plan or --owner
  return merge(std::move(reports));
}

}  // namespace bbg::cli
