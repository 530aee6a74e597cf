// The check cache (SQLite), kept outside the repository (workspace/cache.cpp decides where):
// - `summary`, `report`, `full`: per plan file and SHA-256 of its content, the outcome of
//   checking it at that level of detail (model/codec.hpp); a command stores the summary and the
//   level it reads, so `bbg check` never writes what only the reports need;
// - `seen`: per file of the work tree, the metadata it had when it was last hashed (device,
//   inode, size, modification and change times) and that hash, so that a file whose metadata
//   has not changed need not be read again (as git's index);
// - `verdict`: the latest whole-repository check; `answer`: the latest few outputs of report
//   commands, each under the hash of its command line and of every file it read.
// Outcomes belong to one build of bbg (its GNU build ID): another build's are dropped. A row whose
// checksum does not match, or a database that is damaged or not a cache, is never trusted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/codec.hpp"

namespace bbg::store {

// A file's metadata when it was hashed, and the hash (32 bytes).
struct Stamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::int64_t looked_ns = 0;  // when the metadata was read (the clock, not the file's times)
  std::string sha;
};

class CheckCache {
 public:
  // The cache at `path`, created when missing. nullptr with `why` set when it cannot be used.
  static std::unique_ptr<CheckCache> open(const std::filesystem::path& path, std::string build, std::string& why);
  ~CheckCache();
  CheckCache(const CheckCache&) = delete;
  CheckCache& operator=(const CheckCache&) = delete;

  // Every stamp kept, by path (read once per run).
  std::unordered_map<std::string, Stamp> stamps() const;
  // Reads every outcome of one level into memory at once (one scan instead of a query per file).
  void preload(model::Detail detail);
  bool preloaded(model::Detail detail) const { return m_preloaded[static_cast<int>(detail)]; }
  // The stored outcome of `path` with content hash `sha`, at that level of detail. Safe from
  // several threads at once for a level that is preloaded (it only reads memory then).
  std::optional<std::string> find(const std::string& path, const std::string& sha, model::Detail detail) const;
  // Remembers a new outcome or stamp; written by flush(), or at once when much is waiting.
  void put(const std::string& path, const std::string& sha, model::Detail detail, std::string blob);
  void stamp(const std::string& path, const Stamp& stamp);
  // The verdict of a whole-repository check kept under `key` (one is kept: the latest).
  std::optional<std::string> verdict(const std::string& key) const;
  void put_verdict(const std::string& key, std::string blob);
  // What a report command printed, kept under `key` (its command line and everything it read;
  // the latest few are kept), and written at once.
  std::optional<std::string> answer(const std::string& key) const;
  std::optional<std::string> put_answer(const std::string& key, const std::string& blob);
  // Forgets the stamps and outcomes of every path not in `paths` (files that are gone).
  void keep_only(std::vector<std::string> paths);
  // Writes what was collected in one transaction. Returns why it failed, if it did; the cache is
  // then as it was.
  std::optional<std::string> flush();

 private:
  CheckCache() = default;
  struct Pending {
    std::string path, sha;
    model::Detail detail;
    std::string blob;
  };
  struct Loaded {
    std::string sha, blob;
  };
  void* m_db = nullptr;                            // sqlite3*
  void* m_find[3] = {nullptr, nullptr, nullptr};   // prepared statements, by model::Detail
  std::unordered_map<std::string, Loaded> m_loaded[3];  // preload()ed outcomes, by path
  bool m_preloaded[3] = {false, false, false};
  std::vector<Pending> m_outcomes;
  std::vector<std::pair<std::string, Stamp>> m_stamps;
  std::optional<std::vector<std::string>> m_keep;
  std::optional<std::pair<std::string, std::string>> m_verdict;  // key, blob
  std::size_t m_pending_bytes = 0;
  std::optional<std::string> m_error;     // the first failed write
};

// The checksum that guards a stored blob against damage.
std::uint64_t row_checksum(std::string_view path, std::string_view sha, std::string_view payload);

}  // namespace bbg::store
