#include "cli/options.hpp"

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/clock.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "workspace/git.hpp"

namespace bbg::cli {

void add_filter_options(CLI::App& cmd, ReportOptions& o) {
  cmd.add_option("--plan", o.plan, "Only this plan (its id)")->type_name("ID");
  cmd.add_option_function<std::string>(
         "--owner",
         [&o](const std::string& name) {
           o.owner = name;
           o.owner_given = true;
         },
         "Only activities with this owner, by any name owners.yaml gives it (case and accents do not matter); "
         "default: bbg.yaml's owner; --owner '' shows everyone's")
      ->type_name("NAME");
}

void add_status_option(CLI::App& cmd, std::string& status, const std::string& help, bool required) {
  const CLI::Validator word(
      [](std::string& value) -> std::string {
        if (const auto parsed = model::parse_status_word(value)) {
          value = model::to_string(*parsed);
          return "";
        }
        std::string message = fmt::format(
            "unknown status \"{}\": write planned, in_progress, done, delayed or cancelled (or planerad, pågår, klar, "
            "försenad, avbruten; any case, \"in progress\" too)",
            util::escape_for_display(value));
        std::string folded = value;
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        if (const auto guess = util::closest_match(folded, model::status_words())) {
          message += fmt::format("; did you mean \"{}\"?", *guess);
        }
        return message;
      },
      "STATUS", "status word");
  CLI::Option* option = cmd.add_option("--status,-s", status, help)->transform(word)->type_name("STATUS");
  if (required) option->required();
}

void add_no_cache_option(CLI::App& cmd, Context& context) {
  cmd.add_flag("--no-cache", context.no_cache, "Read and check every plan file again instead of using the check cache");
}

void add_reading_options(CLI::App& cmd, bool& skip_invalid, Context& context) {
  cmd.add_flag("--skip-invalid", skip_invalid, "Leave out plan files that fail bbg check instead of stopping");
  add_no_cache_option(cmd, context);
}

void add_by_option(CLI::App& cmd, std::string& by) {
  cmd.add_option("--by", by, "Who records it (default: bbg.yaml's by, else git config user.name)")->type_name("NAME");
}

std::shared_future<std::string> recorder(const std::string& by_option, const Context& context) {
  const auto known = [](std::string name) {
    std::promise<std::string> promise;
    promise.set_value(std::move(name));
    return promise.get_future().share();
  };
  if (!by_option.empty()) return known(by_option);
  workspace::Workspace& ws = context.workspace();
  if (const auto& by = ws.config().by) return known(*by);
  return std::async(std::launch::async, [root = ws.root()] { return workspace::git_user_name(root).value_or(""); }).share();
}

void add_db_option(CLI::App& cmd, std::string& db) {
  cmd.add_option("--db", db, "Snapshot database (default: $BBG_DB, else .bbg/bbg.db)")->type_name("PATH");
}

void add_csv_options(CLI::App& cmd, ReportOptions& o) {
  cmd.add_option("--csv-sep", o.csv_separator,
                 "CSV field separator: ',', ';' or a tab (default: bbg.yaml's csv_separator, else ';' in Swedish "
                 "for Excel with a Swedish locale, ',' in English)")
      ->check(CLI::IsMember({",", ";", "\t"}))
      ->type_name("SEP");
  cmd.add_flag_function(
      "--bom,!--no-bom", [&o](std::int64_t count) { o.csv_bom = count > 0; },
      "Start CSV output with a UTF-8 byte order mark, so that Excel reads å, ä, ö right (default: bbg.yaml's "
      "csv_bom, else on in Swedish, off in English)");
}

void add_report_options(CLI::App& cmd, ReportOptions& o, Context& context, Filters filters) {
  cmd.add_option("--as-of", o.as_of, "Report the state on this date (YYYY-MM-DD), computed from the update logs; default today")
      ->type_name("DATE");
  cmd.add_option("--format,-f", o.format, "Output format: table (default), json, csv or markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->type_name("FORMAT");
  if (filters == Filters::yes) add_filter_options(cmd, o);
  add_csv_options(cmd, o);
  add_reading_options(cmd, o.skip_invalid, context);
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
  style.table.width = context.terminal_width();
  const CsvStyle csv = csv_style(options, context);
  style.table.csv_separator = csv.separator;
  style.table.csv_bom = csv.bom;
  return style;
}

CsvStyle csv_style(const ReportOptions& options, const Context& context) {
  const workspace::Config* config = context.has_workspace() ? &context.workspace().config() : nullptr;
  const bool sv = context.lang() == Lang::sv;
  CsvStyle csv;
  if (!options.csv_separator.empty()) {
    csv.separator = options.csv_separator[0];
  } else if (config && config->csv_separator) {
    csv.separator = (*config->csv_separator)[0];
  } else {
    csv.separator = sv ? ';' : ',';
  }
  csv.bom = options.csv_bom ? *options.csv_bom : config && config->csv_bom ? *config->csv_bom : sv;
  return csv;
}

render::Lang output_lang(const Context& context) { return context.lang() == Lang::sv ? render::Lang::sv : render::Lang::en; }

void write_output(const Context& context, const std::string& path, const std::string& text, const std::string& what) {
  if (path.empty() || path == "-") {
    *context.out << text << std::flush;
    return;
  }
  util::write_output_file(path, text);
  *context.err << fmt::format("bbg: {} {}\n", context.lang() == Lang::sv ? "skrev" : "wrote", what);
}

workspace::Invalid invalid(bool skip_invalid) { return skip_invalid ? workspace::Invalid::skip : workspace::Invalid::stop; }

bool store_path_is_default(const std::string& db_option) {
  const char* env = std::getenv("BBG_DB");
  return db_option.empty() && !(env && *env);
}

std::filesystem::path store_path(const Context& context, const std::string& db_option, bool create) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("BBG_DB"); env && *env) return env;
  // Relative to the working folder when inside it, as messages show it.
  const auto path = context.workspace().state_path("bbg.db", create);
  std::error_code ec;
  const auto shown = std::filesystem::proximate(path, std::filesystem::current_path(ec), ec);
  return ec || shown.native().rfind("..", 0) == 0 ? path : shown;
}

report::Filter make_filter(const ReportOptions& options, const std::vector<model::Plan>& plans) {
  std::vector<std::string> ids, owners;
  for (const auto& plan : plans) {
    ids.push_back(plan.id);
    for (auto& owner : report::owners_of(plan)) owners.push_back(std::move(owner));
  }
  return make_filter(options, ids, owners);
}

int remembered_output(const Context& context, model::Date day, const std::function<int(std::ostream&)>& write) {
  workspace::Workspace& ws = context.workspace();
  std::optional<std::string> key;
  if (const auto content = ws.content_key()) {
    util::Sha256 hash;
    hash.update(*content);
    for (const auto& arg : context.args) {
      hash.update(std::string_view("\0", 1));
      hash.update(arg);
    }
    // Everything else the output depends on (a C string: no NUL inside the format).
    hash.update(std::string_view("\0", 1));
    hash.update(ws.config().sha);
    hash.update(fmt::format("as of {}; colour {}; lang {}; width {}", day.iso(), context.color() ? 1 : 0,
                            context.lang() == Lang::sv ? "sv" : "en", context.terminal_width()));
    key = hash.digest();
    // The exit status (one digit), then the output.
    if (const auto known = ws.answer(*key); known && !known->empty() && (*known)[0] >= '0' && (*known)[0] <= '9') {
      context.out->write(known->data() + 1, static_cast<std::streamsize>(known->size() - 1));
      *context.out << std::flush;
      return (*known)[0] - '0';
    }
  }
  std::ostringstream text;
  const std::size_t notes = ws.notes_given();
  const int code = write(text);
  const std::string output = std::move(text).str();
  *context.out << output << std::flush;
  if (key && ws.notes_given() == notes && code >= 0 && code <= 9 && output.size() <= (std::size_t{64} << 20)) {
    ws.remember_answer(*key, static_cast<char>('0' + code) + output);
  }
  return code;
}

ReportOptions with_canonical_owner(const Context& context, ReportOptions options) {
  if (!options.owner_given && options.owner_from_config && context.has_workspace()) {
    if (const auto& owner = context.workspace().config().owner) {
      options.owner = *owner;
      context.workspace().note(
          context.lang() == Lang::sv
              ? fmt::format("bara aktiviteter med ansvariga {} (owner i {}; --owner '' visar allas)", *owner, workspace::k_config_file)
              : fmt::format("only {}'s activities (owner in {}; --owner '' shows everyone's)", *owner, workspace::k_config_file));
    }
  }
  if (options.owner.empty()) return options;
  if (const model::Owners* owners = context.workspace().owners()) options.owner = owners->canonical(options.owner);
  return options;
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
