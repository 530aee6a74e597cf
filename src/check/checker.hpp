// `bbg check` as a library call: load, validate and apply the rules to many plan files,
// in parallel, and collect every diagnostic.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "model/codec.hpp"
#include "model/diagnostic.hpp"
#include "model/owners.hpp"
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
  // When set, the file is read only when a worker checks it (by the check_sources that takes
  // the sources over; it replaces this source with what the call returns, `report` kept), so a
  // large repository is never in memory at once.
  std::function<Source()> deferred;
  // The SHA-256 of the content (32 bytes) when it is known without reading the file (its
  // metadata has not changed since it was hashed): the cache is asked first, and on a hit the
  // file is not read at all.
  std::string sha;
};


struct CheckResult {
  std::size_t files = 0;            // files reported on
  model::Diagnostics diagnostics;   // in input order of files, then by position
  std::vector<model::Plan> plans;   // every file that loaded as a plan of a known version
  std::vector<bool> plan_valid;     // per plan: no error in its file
  std::vector<std::size_t> plan_source;  // per plan: its index in the sources
  bool unreadable = false;          // some reported file could not be read at all
  std::vector<std::string> reported;  // the files reported on, in input order
  // When the sources were handed over: the text of each reported file with findings, for the
  // source lines shown with them.
  std::map<std::string, std::string> texts;
};

// Where checked outcomes are remembered between runs (the store's check cache). `find` is called
// from several worker threads at once and must be safe for that; check_sources calls `put` and
// `hashed` under its own lock, never two at a time. `sha` is the SHA-256 of the file's content.
struct OutcomeCache {
  // The encoded outcome (model/codec) of `file` with that content at that level of detail, if
  // remembered.
  std::function<std::optional<std::string>(const std::string& file, const std::string& sha, model::Detail detail)> find;
  // Remember the encoded outcome of `file` at one level of detail (the summary, and the level
  // asked for when it is another).
  std::function<void(const std::string& file, const std::string& sha, model::Detail detail, std::string blob)> put;
  // Source `index` was read and hashed (the workspace records it with the file's metadata).
  std::function<void(std::size_t index, const std::string& sha)> hashed;
};

struct CheckOptions {
  yaml::Limits limits;
  unsigned threads = 0;                 // 0: one per core
  const OutcomeCache* cache = nullptr;  // none: check every file
  // false: plans keep only what the rules across files need (bbg check), which saves memory.
  bool keep_models = true;
  // The detail the plans are needed in (on_plan, keep_models): reports need less than full.
  model::Detail detail = model::Detail::full;
  // Called with each file's plan, in full, as soon as that file is checked, when the file has no
  // error of its own (the rules across files run later, so it may still turn out invalid): a report takes what it needs
  // from each plan while the plans are read, instead of holding them all. Called from the
  // worker threads, for different files at the same time; the index is the file's in `sources`.
  std::function<void(std::size_t source, const model::Plan& plan)> on_plan;
  // The owner registry (owners.yaml), when the repository has a valid one: each file's owners
  // are checked against it (unknown-owner) and then given their canonical names.
  const model::Owners* owners = nullptr;
};

CheckResult check_sources(const std::vector<Source>& sources, const SchemaChecker& schema,
                          const CheckOptions& options = {});
// The same, taking the sources over: deferred sources are read by the workers, and each file's
// content is freed once it is checked unless the file has findings (their source lines are
// shown), so that a large repository is never in memory at once.
CheckResult check_sources(std::vector<Source>&& sources, const SchemaChecker& schema,
                          const CheckOptions& options = {});

// One file's text checked on its own (YAML, schema, the rules within a plan), as check_sources
// checks each file; a failure inside bbg becomes an `internal` diagnostic.
model::FileOutcome check_text(const std::string& file, std::string content, const SchemaChecker& schema,
                              const yaml::Limits& limits = {}, const model::Owners* owners = nullptr);

std::size_t count(const model::Diagnostics& diagnostics, model::Severity severity);

}  // namespace bbg::check
