#include "cli/context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "util/error.hpp"
#include "workspace/workspace.hpp"

namespace bbg::cli {

bool Context::color() const {
  if (color_option == "never") return false;
  if (color_option == "always") return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return stdout_is_terminal();
}

bool Context::stdout_is_terminal() const {
  if (!m_tty) m_tty = ::isatty(STDOUT_FILENO) == 1;
  return *m_tty;
}

Lang Context::lang() const {
  if (!lang_option.empty()) return lang_option == "sv" ? Lang::sv : Lang::en;
  if (m_workspace) {
    if (const auto& language = m_workspace->config().language) return *language == "sv" ? Lang::sv : Lang::en;
  }
  return locale_is_swedish() ? Lang::sv : Lang::en;
}

bool locale_is_swedish() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).rfind("sv", 0) == 0;
  }
  return false;
}

std::size_t Context::terminal_width() const {
  if (m_width) return *m_width;
  const bool tty = stdout_is_terminal();
  m_width = [&]() -> std::size_t {
    if (tty) {
      struct winsize ws {};
      if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    }
    if (const char* columns = std::getenv("COLUMNS")) {
      const int n = std::atoi(columns);
      if (n > 0) return static_cast<std::size_t>(n);
    }
    return tty ? 80 : 0;  // a terminal that does not say: the width terminals start with
  }();
  return *m_width;
}

workspace::Workspace& Context::workspace() const {
  if (!m_workspace) throw util::UsageError("no plan repository found; pass --root DIR");
  return *m_workspace;
}

}  // namespace bbg::cli
