// bbg's own words in Swedish for a Swedish user: the help of `bbg --help` and of the shared
// flags, and the frame of every message ("bbg: fel: …", "bbg: skrev …"). Messages about the
// plans themselves (check's diagnostics, lookups) are English yet: see docs/ARCHITECTURE.md.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace bbg::cli {

// The language of help, known before the command line is parsed: --lang, else the locale
// (bbg.yaml is read once the repository is found, after parsing).
bool help_in_swedish(int argc, const char* const* argv);

// Every description of `app` and its subcommands that has a Swedish text, in Swedish; the
// headings of the help too.
void translate_help(CLI::App& app);

// The Swedish text of an English description, or nothing (for tests: every command has one).
const char* swedish_description(std::string_view english);

// A CLI11 parse error's message in Swedish, where its pattern is known; else as it is.
std::string swedish_parse_error(const std::string& message);

}  // namespace bbg::cli
