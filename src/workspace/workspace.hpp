// The plan repository as the commands see it, between them and the rest: it finds the root,
// reads files through one seam (disk, git revision or memory), parses each file once per run
// through the check cache, and offers what commands need: the check of some or all files, the
// plans that pass it, lookups by id, and one edit of one plan file under the lock. No command
// reads or parses a plan file by itself.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/checker.hpp"
#include "check/owners.hpp"
#include "model/codec.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "workspace/config.hpp"
#include "workspace/files.hpp"
#include "workspace/plan_files.hpp"
#include "yaml/document.hpp"
#include "yaml/edit.hpp"

namespace bbg::check {
class SchemaChecker;
}
namespace bbg::store {
class CheckCache;
}

namespace bbg::workspace {

// A plan file is at most this big (1 MiB); bigger ones are refused before they are read.
inline constexpr std::size_t k_max_file_bytes = 1 << 20;

// Plans failed the check and the command cannot go on: cli::run prints the diagnostics (errors
// only), then the message.
class InvalidPlans : public util::Error {
 public:
  InvalidPlans(const std::string& message, model::Diagnostics diagnostics)
      : util::Error(message, util::ExitCode::findings), m_diagnostics(std::move(diagnostics)) {}
  const model::Diagnostics& diagnostics() const { return m_diagnostics; }

 private:
  model::Diagnostics m_diagnostics;
};

// What `bbg check` reports on, with the text of each file that has findings (for its lines).
struct Checked {
  check::CheckResult result;
  std::vector<std::string> files;               // the files reported on, in order
  std::map<std::string, std::string> contents;  // file -> text, for files with findings
};

// Plans that fail the check: stop the command (Invalid::stop) or leave them out with a note.
enum class Invalid { stop, skip };

enum class DryRun { no, yes };

// One edit of one plan file: it gets the file's text, its tree and its plan model, and returns
// the edited text or why it refuses.
using Change = std::function<yaml::EditResult(std::string_view text, const yaml::Node& root, const model::Plan& plan)>;

struct Edited {
  std::string file;      // as shown
  std::string before;    // the text as it was
  std::string after;     // the text as written (or, in a dry run, as it would be)
  model::Plan plan;      // the plan as it was
  // The warnings bbg check gives on the new text that it did not give on the old one (same
  // code and message), and how many it gives on both.
  model::Diagnostics new_warnings;
  std::size_t old_warnings = 0;
};

struct Options {
  std::string root;       // --root; empty: found upwards from the working folder
  bool no_cache = false;  // --no-cache: every file is read and checked again
};

class Workspace {
 public:
  // The repository at --root, or the first folder upwards from the working folder that has
  // plans/. Throws UsageError when there is none.
  static Workspace open(const Options& options);
  // The same, but without a repository when none is found and `required` is false (bbg check
  // with files named outside any repository).
  static Workspace open(const Options& options, bool required);
  // The plans of a git revision of this repository, read without touching the work tree;
  // diagnostics name their files "REVISION:plans/x.yaml".
  Workspace at_revision(const std::string& revision) const;
  // Over any file seam (tests).
  Workspace(std::unique_ptr<Files> files, std::optional<std::filesystem::path> root, Options options);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  bool has_root() const { return m_root.has_value(); }
  const std::filesystem::path& root() const;

  // Where notes go ("skipped x: it fails bbg check", the cache could not be written): the
  // command line prints them on stderr, prefixed "bbg: ".
  void on_note(std::function<void(const std::string&)> note) { m_note = std::move(note); }

  // bbg check: `paths` (files or folders; none: every plan file) reported on, the rest of the
  // repository read as context for the rules across files.
  Checked check(const std::vector<std::string>& paths = {});

  // The plans that pass the check, in file order, at that level of detail (model/codec.hpp).
  std::vector<model::Plan> valid_plans(Invalid invalid, model::Detail detail = model::Detail::full);
  // The same one at a time, as each file is checked (from worker threads, for different plans at
  // once; `index` numbers the plan files in file order), at the detail of the reports: a report
  // keeps its part of each plan, never all of them. Returns the indexes of the plans that pass,
  // with their summaries.
  struct Visited {
    std::vector<std::size_t> valid;
    std::vector<model::Plan> summaries;  // id, title, parent, period; area and activity ids
  };
  Visited visit_valid_plans(Invalid invalid, const std::function<void(std::size_t index, const model::Plan&)>& visit);
  // Every file that loads as a plan, valid or not, at that detail (its summary by default: for
  // finding what a command addresses; it prints nothing). A repository without plan files is
  // an error, unless `none_is_fine` (bbg new plan starts the first one).
  std::vector<model::Plan> plan_summaries(model::Detail detail = model::Detail::summary, bool none_is_fine = false);
  // SHA-256 over every plan file's name and content hash, in file order (after a check).
  std::string plans_hash() const { return m_plans_hash; }

  // The owner registry, owners.yaml at the root (read once), when there is one and it passes the
  // check; nullptr otherwise (bbg check reports what is wrong with it; other commands note it).
  const model::Owners* owners();

  // The repository's defaults, bbg.yaml at the root (read once; workspace/config.hpp), empty
  // when there is none or no repository. Throws InputError when it is a link, not a regular
  // file, unreadable or not what config.hpp says.
  const Config& config();

  // Edits the file of plan `plan_id` under the repository's write lock: reads it once, applies
  // `change`, checks the result (the file itself, and the rules across files from the other
  // files' summaries) and writes it atomically, or with DryRun::yes writes nothing. Refuses a
  // file without write permission. Throws on any refusal, writing nothing.
  Edited edit(const std::string& plan_id, const Change& change, DryRun dry_run);
  // Several plans at once, all or nothing: every change is made and checked before any file is
  // written, and when a write fails, the files written before it are put back as they were.
  // Each plan at most once.
  std::vector<Edited> edit_all(const std::vector<std::pair<std::string, Change>>& changes, DryRun dry_run);
  // Takes the repository's write lock for the rest of this workspace's life (a command that
  // looks plans up and then edits one takes it first, so that nothing changes in between and the
  // edit reuses what the lookup read). edit() and create() take it themselves when not held.
  void lock_for_writing();
  // Writes a new file at `path` (relative to the root) under the lock; never replaces one.
  void create(const std::string& path, std::string_view content);

  // The entry `name` of bbg's own state folder (.bbg), which `create` makes when missing.
  // Throws when .bbg, or that entry (or its SQLite side files), is a symbolic link: bbg never
  // follows one there.
  std::filesystem::path state_path(const std::string& name, bool create);

  // Makes every check hash the files even without a cache, for plans_hash().
  void want_hashes() { m_want_hashes = true; }

  // What a report command last printed for the same input, as the check verdict answers bbg
  // check: content_key() is the hash of the build, the registry and every plan file's name and
  // content hash when every file is known unchanged by its metadata (no file is read), and empty
  // otherwise (or without a cache); answer() and remember_answer() read and write the cache's
  // answers under a key the command makes from it and its own command line.
  std::optional<std::string> content_key();
  std::optional<std::string> answer(const std::string& key) const;
  void remember_answer(const std::string& key, const std::string& text);
  // Gives a note (through on_note; a run that gives one is not remembered as an answer).
  void note(const std::string& text) const;
  // How many notes (warnings, "skipped …") this workspace has given.
  std::size_t notes_given() const { return m_notes; }

 private:
  struct Run;
  // An edit made and checked, not yet written.
  struct Prepared {
    std::string path;  // relative to the root
    Edited edited;
    model::FileOutcome outcome;  // the check of the new text, for the cache
  };
  Prepared prepare_edit(const std::string& plan_id, const Change& change);
  void remember_written(const std::vector<const Prepared*>& written);
  // `everything`: the sources are the whole repository. `verdict`: this is bbg check of it, which
  // may be answered whole from the cache when every file is known unchanged.
  check::CheckResult run_check(std::vector<check::Source> sources, check::CheckOptions options, bool everything,
                               bool verdict = false);
  std::vector<check::Source> all_sources(bool report, bool none_is_fine = false);
  check::Source source_of(const PlanFile& file, bool report) const;
  std::vector<std::size_t> valid_indexes(const check::CheckResult& result, Invalid invalid) const;
  const check::OwnersFile& owners_file();
  // What the check cache is keyed by: this build, and the registry's content, which every file's
  // outcome depends on (unknown-owner, canonical names).
  std::string cache_key();
  std::unique_ptr<store::CheckCache> open_cache(bool quiet);
  // plans_hash() of the run's files and their content hashes (same order as m_run->files).
  void set_plans_hash(const std::vector<std::string>& shas);
  void note_broken_registry();  // once: the registry exists but fails the check

  std::unique_ptr<Files> m_files;
  std::optional<std::filesystem::path> m_root;
  Options m_options;
  std::string m_prefix;  // put before file names (a revision's "REV:")
  std::function<void(const std::string&)> m_note;
  std::string m_plans_hash;
  bool m_want_hashes = false;
  std::unique_ptr<check::SchemaChecker> m_schema;
  std::unique_ptr<Run> m_run;  // the plan files behind the sources of the last check
  std::unique_ptr<util::FileLock> m_lock;
  // Under the lock: the summaries of the last plan_summaries(), for edit() to reuse.
  std::optional<check::CheckResult> m_summaries;
  std::unique_ptr<Run> m_summaries_run;
  std::optional<check::OwnersFile> m_owners;  // owners.yaml, once read
  std::string m_owners_sha;                   // its SHA-256; empty when there is none
  std::string m_owners_text;                  // its text, for the lines of its findings
  bool m_owners_noted = false;
  std::optional<Config> m_config;             // bbg.yaml, once read
  std::unique_ptr<store::CheckCache> m_answers;  // the cache, kept open by content_key()
  mutable std::size_t m_notes = 0;
};

// The first folder, from `start` upwards, that has a plans/ folder (as git finds .git).
std::optional<std::filesystem::path> find_root(const std::filesystem::path& start);

}  // namespace bbg::workspace
