// What every command gets: output streams, colour and language choices, the terminal, and the
// workspace that run() opened for it when the command table says it needs one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace bbg::workspace {
class Workspace;
}

namespace bbg::cli {

enum class ColorMode { auto_, always, never };
enum class Lang { en, sv };

// True when the first of LC_ALL, LC_MESSAGES and LANG that is set names a Swedish locale.
bool locale_is_swedish();

struct Context {
  std::ostream* out = nullptr;  // results
  std::ostream* err = nullptr;  // errors and notes
  std::string root_option;      // --root DIR, empty when not given
  std::string color_option = "auto";
  std::string lang_option;      // --lang, empty: from LANG / LC_ALL / LC_MESSAGES
  bool no_cache = false;        // --no-cache, of the commands that read plans
  bool no_pager = false;        // --no-pager
  // Starts the pager when stdout is a terminal (set by run() for the real stdout only).
  std::function<void()> start_pager;
  std::vector<std::string> args;  // the command line after "bbg", as given

  bool color() const;  // colour on stdout: a terminal, no NO_COLOR, not --color never
  Lang lang() const;  // --lang, else bbg.yaml's language, else the locale's
  // Columns of the terminal on stdout, else $COLUMNS, else 80 on a terminal and 0 (no limit)
  // when stdout is a file or a pipe.
  std::size_t terminal_width() const;

  // The repository of the command, opened by run(); throws UsageError when there is none.
  workspace::Workspace& workspace() const;
  bool has_workspace() const { return m_workspace != nullptr; }
  void set_workspace(workspace::Workspace* workspace) { m_workspace = workspace; }

 private:
  workspace::Workspace* m_workspace = nullptr;
  // What stdout was when first asked, before a pager took its place.
  mutable std::optional<bool> m_tty;
  mutable std::optional<std::size_t> m_width;
  bool stdout_is_terminal() const;
};

}  // namespace bbg::cli
