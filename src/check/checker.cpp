#include "check/checker.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "check/owners.hpp"
#include "check/rules.hpp"
#include "model/codec.hpp"
#include "util/sha256.hpp"
#include "check/schema.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "yaml/plan_reader.hpp"

namespace bbg::check {
namespace {

using model::FileOutcome;

model::Diagnostic file_error(const std::string& file, const yaml::Mark& mark, std::string code,
                             std::string message, bool show_source) {
  model::Diagnostic d;
  d.location = {file, mark.line, mark.column};
  d.code = std::move(code);
  d.message = std::move(message);
  d.show_source = show_source;
  return d;
}

FileOutcome check_file(const Source& source, const SchemaChecker& schema, const yaml::Limits& limits,
                       const model::Owners* owners, model::Detail detail);

// Checks one file; a failure inside bbg becomes a diagnostic on that file, never a crash of the
// whole run (an exception escaping a worker thread would end the process).
// `detail`: how much of the plan model the caller keeps (a summary needs no activity's texts).
FileOutcome check_one(const Source& source, const SchemaChecker& schema, const yaml::Limits& limits,
                      const model::Owners* owners, model::Detail detail = model::Detail::full) {
  try {
    return check_file(source, schema, limits, owners, detail);
  } catch (const std::exception& e) {
    FileOutcome outcome;
    outcome.diagnostics.push_back(file_error(source.file, yaml::Mark{}, "internal",
                                             fmt::format("bbg could not check this file ({}); please report it", e.what()), false));
    return outcome;
  }
}

FileOutcome check_file(const Source& source, const SchemaChecker& schema, const yaml::Limits& limits,
                       const model::Owners* owners, model::Detail detail) {
  FileOutcome outcome;
  if (source.refused) {
    outcome.diagnostics.push_back(*source.refused);
    return outcome;
  }
  const yaml::LoadResult loaded = yaml::load(source.content, limits);
  if (loaded.error) {
    const auto& e = *loaded.error;
    outcome.diagnostics.push_back(file_error(source.file, e.mark, e.code, e.message, e.show_source));
    return outcome;
  }
  const yaml::Node& root = *loaded.root;
  if (root.kind != yaml::Kind::map) {
    outcome.diagnostics.push_back(file_error(
        source.file, root.mark, "not-a-plan",
        "a plan file must be a YAML map (key: value lines) that starts with \"schema_version: 1\"", true));
    return outcome;
  }
  if (const yaml::Node* version = root.find("schema_version");
      version && version->kind == yaml::Kind::scalar &&
      yaml::integer_value(*version) != k_schema_version) {
    const std::string message =
        version->quoted
            ? fmt::format("schema_version must be the number {0}, not the text {1}; write schema_version: {0}",
                          k_schema_version, util::quote_value(version->value))
            : fmt::format("schema_version {} is not known to this bbg, which reads version {}; "
                          "write schema_version: {} or upgrade bbg",
                          util::escape_for_display(version->value).substr(0, 40), k_schema_version, k_schema_version);
    outcome.diagnostics.push_back(file_error(source.file, version->mark, "schema-version", message, true));
    outcome.diagnostics.back().path = "/schema_version";
    return outcome;
  }
  outcome.diagnostics = schema.validate(root, source.file);
  const yaml::Texts texts = detail == model::Detail::summary ? yaml::Texts::skip : yaml::Texts::read;
  const bool registry = owners && !owners->entries().empty();  // a registry with no entries yet checks nothing
  const auto rules = [&](const model::Plan& plan) {
    model::Diagnostics found = check_plan(plan);
    if (registry) {
      for (auto& d : check_plan_owners(plan, *owners)) found.push_back(std::move(d));
    }
    return found;
  };
  // The JSON pointers only the rules' findings show: read once the rules have found something.
  model::Plan plan = yaml::read_plan(root, source.file, texts, yaml::Pointers::skip);
  model::Diagnostics found = rules(plan);
  if (!found.empty()) found = rules(yaml::read_plan(root, source.file, texts, yaml::Pointers::read));
  for (auto& d : found) outcome.diagnostics.push_back(std::move(d));
  if (registry) owners->canonicalise(plan);
  outcome.plan = std::move(plan);
  return outcome;
}

}  // namespace

model::FileOutcome check_text(const std::string& file, std::string content, const SchemaChecker& schema,
                              const yaml::Limits& limits, const model::Owners* owners) {
  Source source;
  source.file = file;
  source.content = std::move(content);
  return check_one(source, schema, limits, owners);
}

std::size_t count(const model::Diagnostics& diagnostics, model::Severity severity) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [&](const auto& d) { return d.severity == severity; }));
}

namespace {

// `owned`: the same sources when the caller handed them over, so each content can be freed.
CheckResult check_all(const std::vector<Source>& sources, std::vector<Source>* owned, const SchemaChecker& schema,
                      const CheckOptions& options) {
  std::vector<FileOutcome> outcomes(sources.size());
  std::atomic<std::size_t> next{0};
  const model::Detail detail = options.keep_models || options.on_plan ? options.detail : model::Detail::summary;
  std::mutex cache_lock;
  // Everything a file's outcome goes through once it is known, however it was obtained.
  const auto settle = [&](std::size_t i) {
    if (owned && outcomes[i].diagnostics.empty()) std::string().swap((*owned)[i].content);
    // A plan with errors of its own is never reported on (its work may be unbounded: the
    // limits are among its errors); the rules across files may still fail one visited here.
    if (options.on_plan && outcomes[i].plan && count(outcomes[i].diagnostics, model::Severity::error) == 0) {
      options.on_plan(i, *outcomes[i].plan);
    }
    if (!options.keep_models) model::summarise(outcomes[i]);
  };
  const auto worker = [&] {
    for (std::size_t i = next++; i < sources.size(); i = next++) {
      // Known unchanged: the cache may answer without the file being read.
      if (options.cache && !sources[i].sha.empty() && !sources[i].refused) {
        const std::optional<std::string> cached = options.cache->find(sources[i].file, sources[i].sha, detail);
        if (cached) {
          if (auto decoded = model::decode(*cached)) {
            outcomes[i] = std::move(*decoded);
            settle(i);
            continue;
          }
        }
      }
      if (owned && (*owned)[i].deferred) {  // only this worker touches element i until the join
        Source& slot = (*owned)[i];
        const bool report = slot.report;
        auto read = std::move(slot.deferred);
        slot = read();
        slot.report = report;
        slot.deferred = std::move(read);  // kept: the file is read again if a rule across files finds something
      }
      const Source& source = sources[i];
      if (!options.cache || source.refused) {
        outcomes[i] = check_one(source, schema, options.limits, options.owners, detail);
        settle(i);
        continue;
      }
      const std::string sha = util::sha256(source.content);
      if (options.cache->hashed) {
        const std::lock_guard<std::mutex> guard(cache_lock);
        options.cache->hashed(i, sha);
      }
      const std::optional<std::string> cached = options.cache->find(source.file, sha, detail);
      if (cached) {
        if (auto decoded = model::decode(*cached)) {
          outcomes[i] = std::move(*decoded);
          settle(i);
          continue;
        }
      }
      outcomes[i] = check_one(source, schema, options.limits, options.owners, detail);
      if (options.cache->put) {
        std::string summary = model::encode(outcomes[i], model::Detail::summary);
        std::string more = detail == model::Detail::summary ? std::string() : model::encode(outcomes[i], detail);
        const std::lock_guard<std::mutex> guard(cache_lock);
        options.cache->put(source.file, sha, model::Detail::summary, std::move(summary));
        if (detail != model::Detail::summary) options.cache->put(source.file, sha, detail, std::move(more));
      }
      settle(i);
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, sources.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();

  CheckResult result;
  std::vector<const model::Plan*> plans;
  for (const auto& outcome : outcomes) {
    if (outcome.plan) plans.push_back(&*outcome.plan);
  }
  model::Diagnostics cross = check_plans(plans);

  for (std::size_t i = 0; i < sources.size(); ++i) {
    FileOutcome& outcome = outcomes[i];
    for (const auto& d : cross) {
      if (d.location.file == sources[i].file) outcome.diagnostics.push_back(d);
    }
    // A file with findings keeps its text, for the source lines shown with them (one the cache
    // answered for, or whose text was freed, is read now).
    Source* own = owned ? &(*owned)[i] : nullptr;
    if (own && !outcome.diagnostics.empty() && own->content.empty() && own->deferred && !own->refused && sources[i].report) {
      own->content = own->deferred().content;
    }
    std::stable_sort(outcome.diagnostics.begin(), outcome.diagnostics.end(), [](const auto& a, const auto& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    const bool valid = count(outcome.diagnostics, model::Severity::error) == 0;
    if (sources[i].report) {
      result.reported.push_back(sources[i].file);
      if (own && !outcome.diagnostics.empty() && !own->content.empty()) result.texts[own->file] = std::move(own->content);
      const bool skipped = sources[i].refused && sources[i].refused->severity == model::Severity::warning;
      if (!skipped) ++result.files;  // a file only warned about (e.g. *.yml) was not checked
      if (sources[i].refused && !skipped) result.unreadable = true;
      for (auto& d : outcome.diagnostics) result.diagnostics.push_back(std::move(d));
    }
    if (outcome.plan) {
      result.plans.push_back(std::move(*outcome.plan));
      result.plan_valid.push_back(valid);
      result.plan_source.push_back(i);
    }
  }
  return result;
}

}  // namespace

CheckResult check_sources(const std::vector<Source>& sources, const SchemaChecker& schema,
                          const CheckOptions& options) {
  return check_all(sources, nullptr, schema, options);
}

CheckResult check_sources(std::vector<Source>&& sources, const SchemaChecker& schema, const CheckOptions& options) {
  return check_all(sources, &sources, schema, options);
}

}  // namespace bbg::check
