#include "cli/context.hpp"

#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace bbg::cli {

bool Context::color() const {
  if (color_option == "never") return false;
  if (color_option == "always") return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

Lang Context::lang() const {
  if (!lang_option.empty()) return lang_option == "sv" ? Lang::sv : Lang::en;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).rfind("sv", 0) == 0 ? Lang::sv : Lang::en;
  }
  return Lang::en;
}

}  // namespace bbg::cli
