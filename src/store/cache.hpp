// The check cache: .bbg/cache.db (SQLite), one row per plan file with the outcome of checking
// it, as a summary (diagnostics, plan id and parent: what `bbg check` needs) and in full (the
// plan model, for the reports), keyed by path, a hash of the content and bbg's version and
// commit. A row whose checksum does not match (edited by hand), a damaged database or one from
// another version is ignored and rebuilt, never trusted; a cache that cannot be opened or
// written is simply not used.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bbg::store {

class CheckCache {
 public:
  // nullptr when no cache can be used at `path`.
  static std::unique_ptr<CheckCache> open(const std::filesystem::path& path, std::string version);
  ~CheckCache();

  // The stored outcome of `path` with content hash `hash` (the summary or the full form).
  std::optional<std::string> find(const std::string& path, std::uint64_t hash, bool full) const;
  // Remembers a new outcome; written by flush(), or at once when much is waiting.
  void put(const std::string& path, std::uint64_t hash, std::string summary, std::string full);
  // Writes what put() collected in one transaction; failures leave the cache as it was.
  void flush();

 private:
  CheckCache() = default;
  struct Pending {
    std::string path;
    std::uint64_t hash;
    std::string summary, full;
  };
  void* m_db = nullptr;         // sqlite3*
  void* m_find[2] = {nullptr, nullptr};  // prepared statements: summary, full
  std::string m_version;
  std::vector<Pending> m_pending;
  std::size_t m_pending_bytes = 0;
};

// The checksum that guards a stored blob against hand edits.
std::uint64_t row_checksum(std::string_view version, std::string_view path, std::uint64_t hash, std::string_view payload);

}  // namespace bbg::store
