// Renders check results: text for people, and json, github, junit and sarif for machines.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace bbg::render {

enum class CheckFormat { text, json, github, junit, sarif };

struct CheckReport {
  std::vector<std::string> files;  // every file checked, in order
  std::size_t checked = 0;         // how many of them were checked (not only warned about)
  const model::Diagnostics* diagnostics = nullptr;
  // The content of a file, to quote the offending line; empty when unknown.
  std::function<std::string_view(const std::string& file)> source;
  bool color = false;
  std::string tool_version;
};

std::string render_check(const CheckReport& report, CheckFormat format);

// One diagnostic as "file:line:col: severity[code]: message" (no colour, no source line).
std::string one_line(const model::Diagnostic& d);

}  // namespace bbg::render
