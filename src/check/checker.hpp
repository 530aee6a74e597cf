// `bbg check` as a library call: load, validate and apply the rules to many plan files,
// in parallel, and collect every diagnostic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "yaml/document.hpp"

namespace bbg::check {

class SchemaChecker;

// One plan file as read from disk (or git): its content, or why it was refused.
struct Source {
  std::string file;                        // as shown to users
  std::string content;                     // empty when refused
  std::optional<model::Diagnostic> refused;  // the file was not read: this says why
  bool report = true;                      // false: used for cross-file rules only
};

struct CheckResult {
  std::size_t files = 0;            // files reported on
  model::Diagnostics diagnostics;   // in input order of files, then by position
  std::vector<model::Plan> plans;   // every file that loaded as a plan of a known version
  std::vector<bool> plan_valid;     // per plan: no error in its file
  bool unreadable = false;          // some reported file could not be read at all
};

struct CheckOptions {
  yaml::Limits limits;
  unsigned threads = 0;  // 0: one per core
};

CheckResult check_sources(const std::vector<Source>& sources, const SchemaChecker& schema,
                          const CheckOptions& options = {});

std::size_t count(const model::Diagnostics& diagnostics, model::Severity severity);

}  // namespace bbg::check
