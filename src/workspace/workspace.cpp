#include "workspace/workspace.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <unordered_map>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "check/rules.hpp"
#include "check/schema.hpp"
#include "model/codec.hpp"
#include "store/cache.hpp"
#include "util/atomic_file.hpp"
#include "util/build_id.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"
#include "workspace/cache.hpp"
#include "workspace/git.hpp"
#include "workspace/plan_files.hpp"
#include "yaml/plan_reader.hpp"

namespace bbg::workspace {
namespace fs = std::filesystem;
namespace {

// The cache key of this build: its GNU build ID (a hash of the binary), else version and commit.
std::string build_key() {
  const std::string id = util::build_id();
  return id.empty() ? std::string(check::bbg_version()) + "+" + std::string(check::bbg_commit()) : id;
}

// The file contents read for the check are freed by now, but glibc keeps the pages: hand them
// back, so that the report that follows does not count on top of them.
void give_back_free_memory() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

bool is_leftover(const std::string& name) {
  // util::write_file_atomically's temporary files: ".NAME.bbg-XXXXXX".
  const std::size_t tag = name.rfind(".bbg-");
  return name.size() > 12 && name[0] == '.' && tag != std::string::npos && tag > 1 && name.size() - tag == 11;
}

// The source `shown` with the bytes (or the refusal) of one read.
check::Source read_source(const std::string& shown, util::FileRead content) {
  check::Source source;
  source.file = shown;
  if (content.error) {
    source.refused = refusal(shown, content.too_large ? "limit-size" : "file",
                             content.too_large ? *content.error + "; split the plan or remove what does not belong in it"
                                               : *content.error);
  } else {
    source.content = std::move(content.content);
  }
  return source;
}

std::string parent_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

// What one run of the check needs besides the sources: the plan files behind them (for the
// index), and the cache.
struct Workspace::Run {
  std::vector<PlanFile> files;  // per source; empty name for a source that is not a plan file of the repository
};

std::optional<fs::path> find_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    if (fs::is_directory(dir / "plans", ec)) return dir;
    if (!dir.has_relative_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

Workspace::Workspace(std::unique_ptr<Files> files, std::optional<fs::path> root, Options options)
    : m_files(std::move(files)), m_root(std::move(root)), m_options(std::move(options)),
      m_schema(std::make_unique<check::SchemaChecker>()) {}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::open(const Options& options) { return open(options, true); }

Workspace Workspace::open(const Options& options, bool required) {
  std::error_code ec;
  std::optional<fs::path> root;
  if (!options.root.empty()) {
    if (!fs::is_directory(fs::path(options.root) / "plans", ec)) {
      throw util::UsageError(fmt::format("--root {}: no plans/ folder there; point --root at a plan repository", options.root));
    }
    root = fs::path(options.root);
  } else {
    root = find_root(fs::current_path(ec));
  }
  if (!root && required) {
    throw util::UsageError(
        "no plans/ folder here or in any parent folder; run bbg inside a plan repository, "
        "pass --root DIR, or name the plan files to check (bbg init makes a new repository)");
  }
  std::unique_ptr<Files> files = root ? disk_files(*root) : nullptr;
  return Workspace(std::move(files), root, options);
}

Workspace Workspace::at_revision(const std::string& revision) const {
  Workspace at(git_files(root(), revision), m_root, m_options);
  at.m_prefix = revision + ":";
  at.m_note = m_note;
  return at;
}

const fs::path& Workspace::root() const {
  if (!m_root) {
    throw util::UsageError(
        "no plans/ folder here or in any parent folder; run bbg inside a plan repository, "
        "pass --root DIR, or name the plan files to check (bbg init makes a new repository)");
  }
  return *m_root;
}

void Workspace::note(const std::string& text) const {
  ++m_notes;
  if (m_note) m_note(text);
}

check::Source Workspace::source_of(const PlanFile& file, bool report) const {
  check::Source source;
  source.file = m_prefix + file.name;
  source.report = report;
  if (file.refused) {
    source.refused = *file.refused;
    source.refused->location.file = source.file;
    return source;
  }
  const Files* files = m_files.get();
  source.deferred = [files, path = file.path, shown = source.file] {
    return read_source(shown, files->read(path, k_max_file_bytes));
  };
  return source;
}

std::vector<check::Source> Workspace::all_sources(bool report, bool none_is_fine) {
  const fs::path& at = root();
  Found found = find_plan_files(*m_files, "plans");
  if (found.files.empty() && !none_is_fine) {
    std::error_code ec;
    const fs::path shown = fs::proximate(at, fs::current_path(ec), ec);
    throw util::UsageError(fmt::format("no plan files (*.yaml) under {}; add one with bbg new plan",
                                       m_prefix.empty() ? (ec ? at : shown).string() + "/plans" : m_prefix + "plans"));
  }
  std::vector<check::Source> sources;
  m_run = std::make_unique<Run>();
  for (auto& file : found.files) {
    sources.push_back(source_of(file, report));
    m_run->files.push_back(std::move(file));
  }
  for (auto& file : found.misnamed) {
    sources.push_back(source_of(file, report));
    m_run->files.push_back(PlanFile{});
  }
  return sources;
}

namespace {

// The key of a whole-repository check: the build, and every file's name with its content hash
// (or, for a file that is not read, why).
std::string verdict_key(const std::string& cache_key, const std::vector<check::Source>& sources,
                        const std::vector<std::string>& shas) {
  util::Sha256 key;
  key.update(cache_key);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    key.update(std::string_view("\0", 1));
    key.update(sources[i].file);
    key.update(std::string_view("\0", 1));
    if (sources[i].refused) {
      key.update(sources[i].refused->code);
      key.update(sources[i].refused->message);
    } else {
      key.update(shas[i]);
    }
  }
  return key.digest();
}

}  // namespace

std::unique_ptr<store::CheckCache> Workspace::open_cache(bool quiet) {
  std::unique_ptr<store::CheckCache> cache;
  std::string why;
  if (m_options.no_cache || !m_root) return cache;
  if (const auto path = cache_file(*m_root, why)) {
    cache = store::CheckCache::open(*path, cache_key(), why);
    if (!cache) {
      // bbg's own file in its own cache folder, damaged: made again from nothing.
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path->string() + suffix, ec);
      cache = store::CheckCache::open(*path, cache_key(), why);
    }
    if (!cache && !quiet) note(fmt::format("warning: the check cache {} cannot be used ({}); every file is read", path->string(), why));
  } else if (!why.empty() && !quiet) {
    note(fmt::format("warning: {}", why));
  }
  return cache;
}

std::optional<std::string> Workspace::content_key() {
  if (m_options.no_cache || !m_root || !m_files || !m_files->on_disk()) return std::nullopt;
  std::vector<check::Source> sources = all_sources(true);
  std::unique_ptr<store::CheckCache> cache = open_cache(/*quiet=*/true);
  if (!cache) return std::nullopt;
  const auto stamps = cache->stamps();
  std::vector<std::string> shas(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].refused) continue;
    const PlanFile& file = m_run->files[i];
    const auto it = file.name.empty() ? stamps.end() : stamps.find(sources[i].file);
    if (it == stamps.end() || !unchanged(file.stat, it->second)) return std::nullopt;  // read it: it may have changed
    shas[i] = it->second.sha;
  }
  m_answers = std::move(cache);
  return verdict_key(cache_key(), sources, shas);
}

std::optional<std::string> Workspace::answer(const std::string& key) const {
  return m_answers ? m_answers->answer(key) : std::nullopt;
}

void Workspace::remember_answer(const std::string& key, const std::string& text) {
  if (!m_answers) return;
  if (auto error = m_answers->put_answer(key, text)) {
    note(fmt::format("warning: the check cache could not be written ({}); the next run computes this again", *error));
  }
}

check::CheckResult Workspace::run_check(std::vector<check::Source> sources, check::CheckOptions options, bool everything,
                                        bool verdict) {
  if (!m_run) m_run = std::make_unique<Run>();
  m_run->files.resize(sources.size());
  const bool disk = m_files && m_files->on_disk();
  std::unique_ptr<store::CheckCache> cache = open_cache(/*quiet=*/false);
  const std::int64_t looked = now_ns();
  std::vector<std::string> shas(sources.size());
  std::vector<std::string> names;  // as shown, which is how the cache knows them
  names.reserve(sources.size());
  for (const auto& source : sources) names.push_back(source.file);
  if (cache && disk) {
    const auto stamps = cache->stamps();
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const PlanFile& file = m_run->files[i];
      if (file.name.empty() || file.refused) continue;
      const auto it = stamps.find(names[i]);
      if (it != stamps.end() && unchanged(file.stat, it->second)) sources[i].sha = shas[i] = it->second.sha;
    }
  }
  // Every file known unchanged: bbg check answers from the verdict of the last run.
  const auto all_known = [&] {
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (!sources[i].refused && shas[i].empty()) return false;
    }
    return true;
  };
  const bool verdict_usable = cache && disk && everything && verdict;
  if (verdict_usable && all_known()) {
    if (const auto blob = cache->verdict(verdict_key(cache_key(), sources, shas))) {
      if (auto known = model::decode_verdict(*blob)) {
        check::CheckResult result;
        result.files = known->files;
        result.unreadable = known->unreadable;
        result.reported = std::move(known->reported);
        result.diagnostics = std::move(known->diagnostics);
        for (const auto& d : result.diagnostics) {
          if (!d.show_source || result.texts.count(d.location.file)) continue;
          for (const auto& source : sources) {  // the few files with findings, for their lines
            if (source.file == d.location.file && source.deferred) result.texts[d.location.file] = source.deferred().content;
          }
        }
        set_plans_hash(shas);
        return result;
      }
    }
  }
  std::vector<check::Source> keyed;  // what the verdict's key is made of, kept apart from the sources handed over
  if (verdict_usable) {
    for (const auto& source : sources) {
      check::Source k;
      k.file = source.file;
      k.refused = source.refused;
      keyed.push_back(std::move(k));
    }
  }
  std::mutex lock;
  check::OutcomeCache adapter;
  // Read from the worker threads at once: only what preload() put in memory is consulted.
  adapter.find = [&](const std::string& file, const std::string& sha, model::Detail detail) -> std::optional<std::string> {
    if (!cache || !cache->preloaded(detail)) return std::nullopt;
    return cache->find(file, sha, detail);
  };
  adapter.put = [&](const std::string& file, const std::string& sha, model::Detail detail, std::string blob) {
    if (cache) cache->put(file, sha, detail, std::move(blob));
  };
  adapter.hashed = [&](std::size_t i, const std::string& sha) {
    shas[i] = sha;
    const PlanFile& file = m_run->files[i];
    if (cache && disk && !file.name.empty()) cache->stamp(names[i], stamp_of(file.stat, looked, sha));
  };
  if (cache) {
    // Every outcome this run can use, read in one scan each.
    cache->preload(model::Detail::summary);
    if (options.keep_models || options.on_plan) cache->preload(options.detail);
  }
  if (cache || m_want_hashes) options.cache = &adapter;
  options.owners = owners();
  check::CheckResult result = check::check_sources(std::move(sources), *m_schema, options);
  if (cache) {
    if (everything && disk) {
      std::vector<std::string> present;
      for (const auto& file : m_run->files) {
        if (!file.name.empty()) present.push_back(m_prefix + file.name);
      }
      cache->keep_only(std::move(present));
    }
    if (verdict_usable) {
      bool known = true;
      for (std::size_t i = 0; i < keyed.size(); ++i) known = known && (keyed[i].refused || !shas[i].empty());
      if (known) {
        model::Verdict v{result.files, result.unreadable, result.reported, result.diagnostics};
        cache->put_verdict(verdict_key(cache_key(), keyed, shas), model::encode(v));
      }
    }
    if (auto error = cache->flush()) {
      note(fmt::format("warning: the check cache could not be written ({}); the next run reads every file again", *error));
    }
  }
  set_plans_hash(shas);
  return result;
}

void Workspace::set_plans_hash(const std::vector<std::string>& shas) {
  util::Sha256 all;
  for (std::size_t i = 0; i < shas.size(); ++i) {
    if (m_run->files[i].name.empty()) continue;
    all.update(m_run->files[i].name);
    all.update(std::string_view("\0", 1));
    all.update(shas[i]);
  }
  m_plans_hash = all.hex();
}

Checked Workspace::check(const std::vector<std::string>& paths) {
  Checked checked;
  std::vector<check::Source> sources;
  if (paths.empty()) {
    sources = all_sources(true);
  } else {
    m_run = std::make_unique<Run>();
    std::set<std::string> named;  // real paths of the files named
    const auto add = [&](PlanFile file) {
      if (!file.refused && !named.insert(file.path).second) return;
      sources.push_back(source_of(file, true));
      m_run->files.push_back(std::move(file));
    };
    std::vector<PlanFile> misnamed;
    for (const auto& given : paths) {
      std::error_code ec;
      const fs::path path(given);
      const auto link_status = fs::symlink_status(path, ec);
      if (!fs::exists(link_status)) throw util::UsageError(fmt::format("{}: no such file or folder", given));
      const fs::path absolute = fs::absolute(path, ec).lexically_normal();
      const std::optional<std::string> inside = m_files ? m_files->inside(absolute.string()) : std::nullopt;
      if (inside) {
        const Resolved r = resolve(*m_files, *inside);
        if (r.where == Resolved::Where::inside && r.stat.kind == Kind::folder) {
          Found found = find_plan_files(*m_files, *inside);
          if (found.files.empty()) throw util::UsageError(fmt::format("{}: no plan files (*.yaml) in this folder", given));
          for (auto& file : found.files) add(std::move(file));
          for (auto& file : found.misnamed) misnamed.push_back(std::move(file));
        } else if (r.where == Resolved::Where::inside && r.stat.kind == Kind::file) {
          add(PlanFile{*inside, r.path, r.stat, std::nullopt});
        } else if (r.where == Resolved::Where::outside) {
          add(PlanFile{*inside, "", {}, refusal(*inside, "symlink", "symbolic link leads outside the repository; bbg does not follow it: replace it with the file itself")});
        } else if (r.where == Resolved::Where::loop) {
          add(PlanFile{*inside, "", {}, refusal(*inside, "file", "symbolic link that cannot be followed (a loop of links); remove it or fix its target")});
        } else if (r.where == Resolved::Where::dangling) {
          add(PlanFile{*inside, "", {}, refusal(*inside, "file", "symbolic link whose target does not exist (a dangling link); remove it or fix its target")});
        } else {
          add(PlanFile{*inside, "", {}, refusal(*inside, "file", "is not a regular file (a device, FIFO or socket); plan files must be regular files")});
        }
        continue;
      }
      // Outside any repository: the user named the file, so it is read as named.
      if (fs::is_directory(path, ec)) {
        auto folder = disk_files(path);
        Found found = find_plan_files(*folder, "");
        if (found.files.empty()) throw util::UsageError(fmt::format("{}: no plan files (*.yaml) in this folder", given));
        for (auto& file : found.files) {
          const std::string shown = (path / file.name).lexically_normal().generic_string();
          check::Source source;
          if (file.refused) {
            source.file = shown;
            source.refused = *file.refused;
            source.refused->location.file = shown;
          } else {
            source = read_source(shown, folder->read(file.path, k_max_file_bytes));
          }
          sources.push_back(std::move(source));
          m_run->files.push_back(PlanFile{});
        }
        continue;
      }
      sources.push_back(read_source(path.lexically_normal().generic_string(), util::read_regular_file(path, k_max_file_bytes)));
      m_run->files.push_back(PlanFile{});
    }
    for (auto& file : misnamed) {
      sources.push_back(source_of(file, true));
      m_run->files.push_back(PlanFile{});
    }
    if (m_root) {
      // The rest of the repository, for the rules across files.
      Found all = find_plan_files(*m_files, "plans");
      for (auto& file : all.files) {
        if (file.refused || named.count(file.path)) continue;
        named.insert(file.path);
        sources.push_back(source_of(file, false));
        m_run->files.push_back(std::move(file));
      }
    }
  }
  check::CheckOptions options;
  options.keep_models = false;  // check needs the plans only for the rules across files
  checked.result = run_check(std::move(sources), options, paths.empty(), /*verdict=*/paths.empty());
  // The registry is checked with the repository (not when only files outside it are named).
  const check::OwnersFile& registry = owners_file();
  if (!m_owners_sha.empty() && (paths.empty() || m_root)) {
    const std::string shown = m_prefix + check::k_owners_file;
    checked.result.reported.insert(checked.result.reported.begin(), shown);
    ++checked.result.files;
    model::Diagnostics all = registry.diagnostics;
    all.insert(all.end(), checked.result.diagnostics.begin(), checked.result.diagnostics.end());
    checked.result.diagnostics = std::move(all);
    if (!registry.diagnostics.empty() && registry.diagnostics.front().show_source) checked.result.texts[shown] = m_owners_text;
  }
  checked.files = checked.result.reported;
  checked.contents = std::move(checked.result.texts);
  return checked;
}

const check::OwnersFile& Workspace::owners_file() {
  if (m_owners) return *m_owners;
  m_owners.emplace();
  if (!m_root || !m_files) return *m_owners;  // files named outside any repository: no registry
  const std::string shown = m_prefix + check::k_owners_file;
  const auto refuse = [&](std::string code, std::string message) {
    model::Diagnostic d;
    d.location.file = shown;
    d.code = std::move(code);
    d.message = std::move(message);
    d.show_source = false;
    m_owners->diagnostics.push_back(std::move(d));
  };
  const Stat stat = m_files->stat(check::k_owners_file);
  if (stat.kind == Kind::missing) return *m_owners;
  m_owners_sha = "refused";  // whatever it is, it is part of what every outcome was checked with
  if (stat.kind == Kind::link) {
    refuse("symlink", "is a symbolic link; bbg reads the owner registry only from a regular file and never follows a "
                      "link there: replace the link with the file itself");
  } else if (stat.kind != Kind::file) {
    refuse("file", "is not a regular file; the owner registry is a YAML file: remove it, or make it one");
  } else {
    util::FileRead read = m_files->read(check::k_owners_file, k_max_file_bytes);
    if (read.error) {
      refuse("file", *read.error);
    } else {
      m_owners_sha = util::sha256_hex(read.content);
      m_owners_text = std::move(read.content);
      *m_owners = check::check_owners_file(shown, m_owners_text);
    }
  }
  return *m_owners;
}

const model::Owners* Workspace::owners() {
  const check::OwnersFile& file = owners_file();
  return file.owners ? &*file.owners : nullptr;
}

const Config& Workspace::config() {
  if (m_config) return *m_config;
  if (!m_root || !m_files) return m_config.emplace();
  const std::string shown = m_prefix + k_config_file;
  const Stat stat = m_files->stat(k_config_file);
  if (stat.kind == Kind::missing) return m_config.emplace();
  if (stat.kind == Kind::link) {
    throw util::InputError(fmt::format("{}: is a symbolic link; bbg reads its defaults only from a regular file and "
                                       "never follows a link there: replace the link with the file itself",
                                       shown));
  }
  if (stat.kind != Kind::file) {
    throw util::InputError(fmt::format("{}: is not a regular file; bbg's defaults are a small YAML file: remove it, or "
                                       "make it one",
                                       shown));
  }
  util::FileRead read = m_files->read(k_config_file, 64 * 1024);
  if (read.error) throw util::InputError(fmt::format("{}: {}", shown, *read.error));
  return m_config.emplace(parse_config(shown, read.content));
}

std::string Workspace::cache_key() {
  owners_file();
  return m_owners_sha.empty() ? build_key() : build_key() + "+owners:" + m_owners_sha;
}

void Workspace::note_broken_registry() {
  const check::OwnersFile& file = owners_file();
  if (file.owners || m_owners_sha.empty() || m_owners_noted) return;
  m_owners_noted = true;
  note(fmt::format("warning: {} fails bbg check, so owners are shown as each plan writes them; run bbg check",
                   m_prefix + check::k_owners_file));
}

std::vector<std::size_t> Workspace::valid_indexes(const check::CheckResult& result, Invalid invalid) const {
  std::set<std::string> failed;
  for (const auto& d : result.diagnostics) {
    if (d.severity == model::Severity::error) failed.insert(d.location.file);
  }
  if (!failed.empty()) {
    if (invalid == Invalid::stop) {
      model::Diagnostics errors;
      for (const auto& d : result.diagnostics) {
        if (d.severity == model::Severity::error) errors.push_back(d);
      }
      const bool one = failed.size() == 1;
      throw InvalidPlans(fmt::format("{} plan file{} failed bbg check; fix {} or pass --skip-invalid to leave {} out",
                                     failed.size(), one ? "" : "s", one ? "it" : "them", one ? "it" : "them"),
                         std::move(errors));
    }
    for (const auto& file : failed) note(fmt::format("skipped {}: it fails bbg check", file));
  }
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < result.plans.size(); ++i) {
    if (result.plan_valid[i]) positions.push_back(i);
  }
  return positions;
}

std::vector<model::Plan> Workspace::valid_plans(Invalid invalid, model::Detail detail) {
  note_broken_registry();
  check::CheckOptions options;
  options.keep_models = true;
  options.detail = detail;
  check::CheckResult result = run_check(all_sources(true), options, true);
  std::vector<model::Plan> plans;
  for (const std::size_t i : valid_indexes(result, invalid)) plans.push_back(std::move(result.plans[i]));
  return plans;
}

Workspace::Visited Workspace::visit_valid_plans(Invalid invalid,
                                                const std::function<void(std::size_t, const model::Plan&)>& visit) {
  note_broken_registry();
  check::CheckOptions options;
  options.keep_models = false;
  options.on_plan = visit;
  options.detail = model::Detail::report;
  check::CheckResult result = run_check(all_sources(true), options, true);
  give_back_free_memory();
  Visited out;
  for (const std::size_t i : valid_indexes(result, invalid)) {
    out.valid.push_back(result.plan_source[i]);
    out.summaries.push_back(std::move(result.plans[i]));
  }
  return out;
}

std::vector<model::Plan> Workspace::plan_summaries(model::Detail detail, bool none_is_fine) {
  check::CheckOptions options;
  options.keep_models = detail != model::Detail::summary;
  options.detail = detail;
  check::CheckResult result = run_check(all_sources(true, none_is_fine), options, true);
  if (!m_lock || detail != model::Detail::summary) return std::move(result.plans);
  m_summaries = std::move(result);  // nothing changes under the lock: edit() may use them
  m_summaries_run = std::make_unique<Run>(*m_run);
  return m_summaries->plans;
}

void Workspace::lock_for_writing() {
  if (!m_lock) m_lock = std::make_unique<util::FileLock>(state_path("lock", true));
}

fs::path Workspace::state_path(const std::string& name, bool create) {
  const fs::path folder = root() / ".bbg";
  struct stat st {};
  if (::lstat(folder.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      throw util::InputError(
          ".bbg is a symbolic link; bbg keeps its state (the write lock, the snapshots) only in a real folder of the "
          "repository and never follows a link there: remove the link");
    }
    if (!S_ISDIR(st.st_mode)) throw util::InputError(".bbg is not a folder; bbg keeps its state there: remove it");
  } else if (create) {
    if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
      throw util::InputError(fmt::format("cannot create {}: {}", folder.string(), std::strerror(errno)));
    }
  }
  for (const std::string suffix : {"", "-wal", "-shm", "-journal"}) {
    const fs::path entry = folder / (name + suffix);
    if (::lstat(entry.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      throw util::InputError(fmt::format(".bbg/{} is a symbolic link; bbg never follows one in its state folder: remove it",
                                         name + suffix));
    }
  }
  return folder / name;
}

Workspace::Prepared Workspace::prepare_edit(const std::string& plan_id, const Change& change) {
  if (!m_files || !m_files->on_disk()) throw util::UsageError("only the work tree can be edited");
  lock_for_writing();

  // Every plan's summary, through the cache (a warm run reads no file), or those the command
  // read under the lock already.
  if (!m_summaries) {
    check::CheckOptions options;
    options.keep_models = false;
    m_summaries = run_check(all_sources(true), options, true);
    m_summaries_run = std::make_unique<Run>(*m_run);
  }
  const check::CheckResult& all = *m_summaries;
  m_run = std::make_unique<Run>(*m_summaries_run);
  const model::Plan* found = nullptr;
  std::size_t found_source = 0;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < all.plans.size(); ++i) {
    ids.push_back(all.plans[i].id);
    if (!found && all.plans[i].id == plan_id) {
      found = &all.plans[i];
      found_source = all.plan_source[i];
    }
  }
  if (!found) {
    std::string message = fmt::format("no plan with id \"{}\"", plan_id);
    if (const auto guess = util::closest_match(plan_id, ids)) message += fmt::format("; did you mean \"{}\"?", *guess);
    throw util::UsageError(message);
  }
  const PlanFile file = m_run->files.at(found_source);
  const std::string shown = file.name;
  if (!file.stat.writable || ::access((root() / file.path).c_str(), W_OK) != 0) {
    throw util::InputError(fmt::format("{} is read-only (no write permission); bbg does not change it: make it writable "
                                       "(chmod u+w {}) and run the command again",
                                       shown, shown));
  }
  // A write that was killed leaves its temporary file: the next write in that folder removes it.
  const std::string folder = parent_of(file.path);
  for (const std::string& name : m_files->list(folder)) {
    const std::string path = folder.empty() ? name : folder + "/" + name;
    if (is_leftover(name) && m_files->stat(path).kind == Kind::file) {
      m_files->remove(path);
      note(fmt::format("removed {}, left by a write that was interrupted", path));
    }
  }

  util::FileRead read = m_files->read(file.path, k_max_file_bytes);
  if (read.error) throw util::InputError(fmt::format("{}: {}", shown, *read.error));
  const std::string before = std::move(read.content);
  const yaml::LoadResult loaded = yaml::load(before);
  if (!loaded.root) throw util::Error(fmt::format("{} cannot be read; run bbg check", shown), util::ExitCode::findings);
  model::Plan plan = yaml::read_plan(*loaded.root, shown);

  const yaml::EditResult edited = change(before, *loaded.root, plan);
  if (!edited.error.empty()) throw util::Error(fmt::format("{}: {}", shown, edited.error), util::ExitCode::findings);

  // The new text on its own, then the rules across files with every other plan's summary.
  model::FileOutcome outcome = check::check_text(shown, edited.text, *m_schema, {}, owners());
  std::vector<const model::Plan*> plans;
  for (std::size_t i = 0; i < all.plans.size(); ++i) {
    if (all.plan_source[i] != found_source) plans.push_back(&all.plans[i]);
    else if (outcome.plan) plans.push_back(&*outcome.plan);
  }
  for (auto& d : check::check_plans(plans)) {
    if (d.location.file == shown) outcome.diagnostics.push_back(std::move(d));
  }
  model::Diagnostics errors;
  for (const auto& d : outcome.diagnostics) {
    if (d.severity == model::Severity::error) errors.push_back(d);
  }
  if (!errors.empty()) {
    throw InvalidPlans(fmt::format("the change would make {} fail bbg check; nothing was written", shown), std::move(errors));
  }
  Edited result{shown, before, edited.text, std::move(plan), {}, 0};
  // The warnings the change brings, told from those the old text had: the whole-repository
  // check the lookup ran (`all`) holds the old text's, so nothing is checked twice. Matched by
  // code and message, each old warning once (a file may have 25,000 of them).
  std::unordered_map<std::string, std::size_t> was_there;
  const auto key = [](const model::Diagnostic& d) { return d.code + '\0' + d.message; };
  for (const auto& d : all.diagnostics) {
    if (d.severity == model::Severity::warning && d.location.file == shown) ++was_there[key(d)];
  }
  for (const auto& d : outcome.diagnostics) {
    if (d.severity != model::Severity::warning) continue;
    const auto it = was_there.find(key(d));
    if (it != was_there.end() && it->second > 0) {
      --it->second;
      ++result.old_warnings;
    } else {
      result.new_warnings.push_back(d);
    }
  }
  return Prepared{file.path, std::move(result), std::move(outcome)};
}

void Workspace::remember_written(const std::vector<const Prepared*>& written) {
  // The next run finds the new texts' outcomes in the cache.
  if (m_options.no_cache || written.empty()) return;
  std::string why;
  const auto path = cache_file(root(), why);
  if (!path) return;
  auto cache = store::CheckCache::open(*path, cache_key(), why);
  if (!cache) return;
  for (const Prepared* p : written) {
    const std::string sha = util::sha256(p->edited.after);
    for (const model::Detail detail : {model::Detail::summary, model::Detail::report, model::Detail::full}) {
      cache->put(p->edited.file, sha, detail, model::encode(p->outcome, detail));
    }
    cache->stamp(p->edited.file, stamp_of(m_files->stat(p->path), now_ns(), sha));
  }
  if (auto error = cache->flush()) note(fmt::format("warning: the check cache could not be written ({})", *error));
}

Edited Workspace::edit(const std::string& plan_id, const Change& change, DryRun dry_run) {
  Prepared prepared = prepare_edit(plan_id, change);
  if (dry_run == DryRun::yes) return std::move(prepared.edited);
  m_files->write(prepared.path, prepared.edited.after);
  m_summaries.reset();
  remember_written({&prepared});
  return std::move(prepared.edited);
}

std::vector<Edited> Workspace::edit_all(const std::vector<std::pair<std::string, Change>>& changes, DryRun dry_run) {
  // Every change is made and checked before anything is written.
  std::vector<Prepared> prepared;
  prepared.reserve(changes.size());
  for (const auto& [plan_id, change] : changes) {
    for (const auto& p : prepared) {
      if (p.edited.plan.id == plan_id) throw util::UsageError(fmt::format("plan {} is changed twice in one edit", plan_id));
    }
    prepared.push_back(prepare_edit(plan_id, change));
  }
  if (dry_run == DryRun::no) {
    std::vector<const Prepared*> written;
    for (const auto& p : prepared) {
      try {
        m_files->write(p.path, p.edited.after);
      } catch (const util::Error& e) {
        // Put back what was written, so that the edit is all or nothing.
        std::vector<std::string> not_restored;
        for (const Prepared* done : written) {
          try {
            m_files->write(done->path, done->edited.before);
          } catch (const util::Error&) {
            not_restored.push_back(done->edited.file);
          }
        }
        m_summaries.reset();
        if (!not_restored.empty()) {
          throw util::InputError(fmt::format("{}; and {} could not be put back as it was: restore it with git "
                                             "checkout",
                                             e.what(), util::join(not_restored)));
        }
        throw util::InputError(fmt::format("{}; nothing was changed", e.what()));
      }
      written.push_back(&p);
    }
    m_summaries.reset();
    remember_written(written);
  }
  std::vector<Edited> out;
  for (auto& p : prepared) out.push_back(std::move(p.edited));
  return out;
}

void Workspace::create(const std::string& path, std::string_view content) {
  if (!m_files || !m_files->on_disk()) throw util::UsageError("only the work tree can be written");
  lock_for_writing();
  const fs::path full = root() / path;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(full, ec))) {
    throw util::UsageError(fmt::format("{} already exists; bbg does not overwrite it", path));
  }
  fs::create_directories(full.parent_path(), ec);
  if (ec) throw util::InputError(fmt::format("cannot create {}: {}", full.parent_path().string(), ec.message()));
  // O_EXCL: a file that appeared meanwhile is never overwritten.
  const int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw util::InputError(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  ::close(fd);
  try {
    m_files->write(path, content);
  } catch (...) {
    ::unlink(full.c_str());  // the empty file O_EXCL made
    throw;
  }
}

}  // namespace bbg::workspace
