// bbg.yaml, the repository's defaults: the language of output, the CSV separator and byte order
// mark, who records updates and whose activities the reports show. The command line wins over
// it; it wins over the locale. `bbg check` never reads it, and nothing it says can make a check
// or `overdue --fail-on-overdue` pass (that flag ignores its owner filter).
#pragma once

#include <optional>
#include <string>

namespace bbg::workspace {

// Where the defaults are, relative to the repository root.
inline constexpr const char* k_config_file = "bbg.yaml";

struct Config {
  std::optional<std::string> language;       // "en" or "sv"
  std::optional<std::string> csv_separator;  // ",", ";" or "\t"
  std::optional<bool> csv_bom;
  std::optional<std::string> by;     // default --by of update and import
  std::optional<std::string> owner;  // default --owner of status, overdue, stale, followup
  std::string sha;                   // SHA-256 of the file's text; empty without one
};

// The defaults in `text`; `file` is the name errors show. Throws util::InputError (exit 2) naming
// file:line:column for anything that is not a map of the keys above with values of their kind.
Config parse_config(const std::string& file, const std::string& text);

}  // namespace bbg::workspace
