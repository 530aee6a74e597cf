// Findings about plan files: values, collected and reported together, never thrown.
#pragma once

#include <string>
#include <vector>

namespace bbg::model {

// A place in a file as a user sees it: 1-based line and column (column counts characters).
struct SourceLocation {
  std::string file;  // as given or relative to the repository root
  int line = 1;
  int column = 1;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation location;
  std::string code;     // short and stable, e.g. "due-format"
  std::string path;     // JSON pointer of the node, e.g. /areas/0/activities/2/due; "" for the file
  std::string message;  // what is wrong and what to do
  bool show_source = true;  // false when the file was refused: its content is never printed
};

using Diagnostics = std::vector<Diagnostic>;

const char* to_string(Severity severity);

}  // namespace bbg::model
