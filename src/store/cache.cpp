#include "store/cache.hpp"

#include <sqlite3.h>

#include "util/hash.hpp"

namespace bbg::store {
namespace {

constexpr int k_cache_application_id = 0x62626763;  // 'bbgc'
constexpr int k_cache_schema = 2;
constexpr std::uint64_t k_checksum_seed = 0x62626763616368ULL;

int query_int(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  int value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

sqlite3* connect(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 2000);
  const int tables = query_int(db, "SELECT count(*) FROM sqlite_schema");
  const int application = query_int(db, "PRAGMA application_id");
  const int schema = query_int(db, "PRAGMA user_version");
  bool ok = tables >= 0 && (tables == 0 || application == k_cache_application_id) &&
            sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                 // Blobs are read once per run: a small page cache is enough.
                                 "PRAGMA cache_size = -256", nullptr, nullptr, nullptr) == SQLITE_OK;
  if (ok && schema != k_cache_schema) {
    // A cache from another bbg: start again (it only ever holds what can be recomputed).
    const std::string setup =
        "BEGIN IMMEDIATE; DROP TABLE IF EXISTS entry;"
        "CREATE TABLE entry (path TEXT PRIMARY KEY, version TEXT NOT NULL, hash INTEGER NOT NULL,"
        " summary BLOB NOT NULL, summary_checksum INTEGER NOT NULL, full BLOB NOT NULL, full_checksum INTEGER NOT NULL);"
        "PRAGMA application_id = " + std::to_string(k_cache_application_id) + ";"
        "PRAGMA user_version = " + std::to_string(k_cache_schema) + "; COMMIT;";
    ok = sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  if (!ok) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(db);
    return nullptr;
  }
  return db;
}

}  // namespace

std::uint64_t row_checksum(std::string_view version, std::string_view path, std::uint64_t hash, std::string_view payload) {
  std::uint64_t h = util::fast_hash64(version, k_checksum_seed);
  h = util::fast_hash64(path, h);
  h = util::fast_hash64(std::string_view(reinterpret_cast<const char*>(&hash), sizeof hash), h);
  return util::fast_hash64(payload, h);
}

std::unique_ptr<CheckCache> CheckCache::open(const std::filesystem::path& path, std::string version) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return nullptr;
  sqlite3* db = connect(path);
  if (!db) {
    // Damaged, or not a cache at all: a file bbg made in its own folder is rebuilt. Anything
    // else (another program's database) is left alone and the cache is off.
    const bool ours = path.filename() == "cache.db" && path.parent_path().filename() == ".bbg";
    if (!ours) return nullptr;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
    db = connect(path);
    if (!db) return nullptr;
  }
  std::unique_ptr<CheckCache> cache(new CheckCache());
  cache->m_db = db;
  cache->m_version = std::move(version);
  const char* queries[2] = {"SELECT summary, summary_checksum FROM entry WHERE path = ? AND version = ? AND hash = ?",
                            "SELECT full, full_checksum FROM entry WHERE path = ? AND version = ? AND hash = ?"};
  for (int i = 0; i < 2; ++i) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, queries[i], -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    cache->m_find[i] = stmt;
  }
  return cache;
}

CheckCache::~CheckCache() {
  for (void* stmt : m_find) sqlite3_finalize(static_cast<sqlite3_stmt*>(stmt));
  sqlite3_close_v2(static_cast<sqlite3*>(m_db));
}

std::optional<std::string> CheckCache::find(const std::string& path, std::uint64_t hash, bool full) const {
  auto* stmt = static_cast<sqlite3_stmt*>(m_find[full ? 1 : 0]);
  sqlite3_bind_text(stmt, 1, path.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(stmt, 2, m_version.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 3, static_cast<sqlite3_int64>(hash));
  std::optional<std::string> out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0));
    std::string payload(blob ? blob : "", blob ? size : 0);
    const auto checksum = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 1));
    if (row_checksum(m_version, path, hash, payload) == checksum) out = std::move(payload);  // else edited by hand
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return out;
}

void CheckCache::put(const std::string& path, std::uint64_t hash, std::string summary, std::string full) {
  m_pending_bytes += summary.size() + full.size();
  m_pending.push_back(Pending{path, hash, std::move(summary), std::move(full)});
  if (m_pending_bytes > (1u << 20)) flush();  // keep memory bounded on a first run (1 MB: a few dozen files)
}

void CheckCache::flush() {
  if (m_pending.empty()) return;
  auto* db = static_cast<sqlite3*>(m_db);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return;
  sqlite3_stmt* stmt = nullptr;
  bool ok = sqlite3_prepare_v2(db,
                               "INSERT OR REPLACE INTO entry (path, version, hash, summary, summary_checksum, full, full_checksum)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               -1, &stmt, nullptr) == SQLITE_OK;
  for (const auto& p : m_pending) {
    if (!ok) break;
    sqlite3_bind_text(stmt, 1, p.path.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, m_version.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, static_cast<sqlite3_int64>(p.hash));
    sqlite3_bind_blob(stmt, 4, p.summary.data(), static_cast<int>(p.summary.size()), SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 5, static_cast<sqlite3_int64>(row_checksum(m_version, p.path, p.hash, p.summary)));
    sqlite3_bind_blob(stmt, 6, p.full.data(), static_cast<int>(p.full.size()), SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 7, static_cast<sqlite3_int64>(row_checksum(m_version, p.path, p.hash, p.full)));
    ok = sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  sqlite3_exec(db, ok ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
  m_pending.clear();
  m_pending_bytes = 0;
}

}  // namespace bbg::store
