// The check cache (SQLite), kept outside the repository (workspace/cache.cpp decides where):
// - `outcome`: per plan file and SHA-256 of its content, the outcome of checking it, as a summary
//   (diagnostics, plan id, parent, area and activity ids: what `bbg check` and the lookups need)
//   and in full (the plan model, for the reports);
// - `seen`: per file of the work tree, the metadata it had when it was last hashed (device,
//   inode, size, modification and change times) and that hash, so that a file whose metadata
//   has not changed need not be read again (as git's index).
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
  // The stored outcome of `path` with content hash `sha` (the summary or the full form).
  std::optional<std::string> find(const std::string& path, const std::string& sha, bool full) const;
  // Remembers a new outcome or stamp; written by flush(), or at once when much is waiting.
  void put(const std::string& path, const std::string& sha, std::string summary, std::string full);
  void stamp(const std::string& path, const Stamp& stamp);
  // Forgets the stamps and outcomes of every path not in `paths` (files that are gone).
  void keep_only(std::vector<std::string> paths);
  // Writes what was collected in one transaction. Returns why it failed, if it did; the cache is
  // then as it was.
  std::optional<std::string> flush();

 private:
  CheckCache() = default;
  struct Pending {
    std::string path, sha, summary, full;
  };
  void* m_db = nullptr;                   // sqlite3*
  void* m_find[2] = {nullptr, nullptr};   // prepared statements: summary, full
  std::vector<Pending> m_outcomes;
  std::vector<std::pair<std::string, Stamp>> m_stamps;
  std::optional<std::vector<std::string>> m_keep;
  std::size_t m_pending_bytes = 0;
  std::optional<std::string> m_error;     // the first failed write
};

// The checksum that guards a stored blob against damage.
std::uint64_t row_checksum(std::string_view path, std::string_view sha, std::string_view payload);

}  // namespace bbg::store
