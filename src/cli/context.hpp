// What every command gets: output streams, colour and language choices, the repository root.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace bbg::cli {

enum class ColorMode { auto_, always, never };
enum class Lang { en, sv };

struct Context {
  std::ostream* out = nullptr;  // results
  std::ostream* err = nullptr;  // errors and notes
  std::string root_option;      // --root DIR, empty when not given
  std::string color_option = "auto";
  std::string lang_option;      // --lang, empty: from LANG / LC_ALL / LC_MESSAGES

  bool color() const;  // colour on stdout: a terminal, no NO_COLOR, not --color never
  Lang lang() const;
};

}  // namespace bbg::cli
