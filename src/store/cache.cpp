#include "store/cache.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "util/hash.hpp"

namespace bbg::store {
namespace {

constexpr int k_cache_application_id = 0x62626763;  // 'bbgc'
constexpr int k_cache_schema = 6;
// Answers of report commands kept (the most recently used).
constexpr int k_max_answers = 8;
constexpr const char* k_tables[3] = {"full", "report", "summary"};  // by model::Detail
constexpr std::uint64_t k_checksum_seed = 0x62626763616368ULL;
constexpr std::size_t k_flush_bytes = 1u << 20;  // a first run on thousands of files stays small

int query_int(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  int value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

std::string query_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    if (const auto* text = sqlite3_column_text(stmt, 0)) value = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(stmt);
  return value;
}

bool exec(sqlite3* db, const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

std::string last_error(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

// Opens or creates the cache; resets it when it is from another schema or build. nullptr with
// `why` when the file is not a cache of bbg's or cannot be opened.
sqlite3* connect(const std::filesystem::path& path, const std::string& build, std::string& why) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, nullptr) !=
      SQLITE_OK) {
    why = last_error(db);
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  const int tables = query_int(db, "SELECT count(*) FROM sqlite_schema");
  const int application = query_int(db, "PRAGMA application_id");
  if (tables < 0 || (tables > 0 && application != k_cache_application_id)) {
    why = tables < 0 ? "not an SQLite database" : "another program's database";
    sqlite3_close_v2(db);
    return nullptr;
  }
  // Blobs are read once per run: a small page cache is enough.
  bool ok = exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2048");
  if (ok && (query_int(db, "PRAGMA user_version") != k_cache_schema || tables == 0)) {
    ok = exec(db,
              "BEGIN IMMEDIATE; DROP TABLE IF EXISTS entry; DROP TABLE IF EXISTS outcome; DROP TABLE IF EXISTS seen;"
              "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS full; DROP TABLE IF EXISTS report;"
              "DROP TABLE IF EXISTS summary; DROP TABLE IF EXISTS verdict; DROP TABLE IF EXISTS answer;"
              "CREATE TABLE answer (key BLOB PRIMARY KEY, blob BLOB NOT NULL, checksum INTEGER NOT NULL,"
              " used INTEGER NOT NULL);"
              "CREATE TABLE verdict (key BLOB PRIMARY KEY, blob BLOB NOT NULL, checksum INTEGER NOT NULL);"
              "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
              "CREATE TABLE seen (path TEXT PRIMARY KEY, device INTEGER NOT NULL, inode INTEGER NOT NULL,"
              " size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, looked INTEGER NOT NULL,"
              " sha BLOB NOT NULL);"
              "CREATE TABLE full (path TEXT NOT NULL, sha BLOB NOT NULL, blob BLOB NOT NULL, checksum INTEGER NOT NULL,"
              " PRIMARY KEY (path, sha)) WITHOUT ROWID;"
              "CREATE TABLE report (path TEXT NOT NULL, sha BLOB NOT NULL, blob BLOB NOT NULL, checksum INTEGER NOT NULL,"
              " PRIMARY KEY (path, sha)) WITHOUT ROWID;"
              "CREATE TABLE summary (path TEXT NOT NULL, sha BLOB NOT NULL, blob BLOB NOT NULL, checksum INTEGER NOT NULL,"
              " PRIMARY KEY (path, sha)) WITHOUT ROWID;"
              "PRAGMA application_id = " + std::to_string(k_cache_application_id) + ";"
              "PRAGMA user_version = " + std::to_string(k_cache_schema) + "; COMMIT;");
  }
  if (ok && query_text(db, "SELECT value FROM meta WHERE key = 'build'") != build) {
    // Another build of bbg checked these files: its outcomes may differ from this one's.
    sqlite3_stmt* stmt = nullptr;
    ok = exec(db, "BEGIN IMMEDIATE; DELETE FROM full; DELETE FROM report; DELETE FROM summary; DELETE FROM verdict;"
                  " DELETE FROM answer;") &&
         sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('build', ?)", -1, &stmt, nullptr) ==
             SQLITE_OK &&
         sqlite3_bind_text(stmt, 1, build.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_finalize(stmt);
    ok = exec(db, ok ? "COMMIT" : "ROLLBACK") && ok;
  }
  if (!ok) {
    why = last_error(db);
    exec(db, "ROLLBACK");
    sqlite3_close_v2(db);
    return nullptr;
  }
  return db;
}

}  // namespace

std::uint64_t row_checksum(std::string_view path, std::string_view sha, std::string_view payload) {
  std::uint64_t h = util::fast_hash64(path, k_checksum_seed);
  h = util::fast_hash64(sha, h);
  return util::fast_hash64(payload, h);
}

std::unique_ptr<CheckCache> CheckCache::open(const std::filesystem::path& path, std::string build, std::string& why) {
  sqlite3* db = connect(path, build, why);
  if (!db) return nullptr;
  std::unique_ptr<CheckCache> cache(new CheckCache());
  cache->m_db = db;
  for (int i = 0; i < 3; ++i) {
    const std::string query = std::string("SELECT blob, checksum FROM ") + k_tables[i] + " WHERE path = ? AND sha = ?";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      why = last_error(db);
      return nullptr;
    }
    cache->m_find[i] = stmt;
  }
  return cache;
}

CheckCache::~CheckCache() {
  for (void* stmt : m_find) sqlite3_finalize(static_cast<sqlite3_stmt*>(stmt));
  sqlite3_close_v2(static_cast<sqlite3*>(m_db));
}

std::unordered_map<std::string, Stamp> CheckCache::stamps() const {
  std::unordered_map<std::string, Stamp> out;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(static_cast<sqlite3*>(m_db),
                         "SELECT path, device, inode, size, mtime, ctime, looked, sha FROM seen", -1, &stmt,
                         nullptr) != SQLITE_OK) {
    return out;
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* path = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    const auto* sha = static_cast<const char*>(sqlite3_column_blob(stmt, 7));
    if (!path || !sha) continue;
    Stamp s;
    s.device = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 1));
    s.inode = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 2));
    s.size = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 3));
    s.mtime_ns = sqlite3_column_int64(stmt, 4);
    s.ctime_ns = sqlite3_column_int64(stmt, 5);
    s.looked_ns = sqlite3_column_int64(stmt, 6);
    s.sha.assign(sha, static_cast<std::size_t>(sqlite3_column_bytes(stmt, 7)));
    out.emplace(path, std::move(s));
  }
  sqlite3_finalize(stmt);
  return out;
}

void CheckCache::preload(model::Detail detail) {
  const int level = static_cast<int>(detail);
  if (m_preloaded[level]) return;
  m_preloaded[level] = true;
  sqlite3_stmt* stmt = nullptr;
  const std::string query = std::string("SELECT path, sha, blob, checksum FROM ") + k_tables[level];
  if (sqlite3_prepare_v2(static_cast<sqlite3*>(m_db), query.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* path = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    const auto* sha = static_cast<const char*>(sqlite3_column_blob(stmt, 1));
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt, 2));
    if (!path || !sha) continue;
    Loaded row{std::string(sha, static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1))),
               std::string(blob ? blob : "", blob ? static_cast<std::size_t>(sqlite3_column_bytes(stmt, 2)) : 0)};
    const std::string key(path);
    if (row_checksum(key, row.sha, row.blob) != static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 3))) continue;  // damaged
    m_loaded[level][key] = std::move(row);
  }
  sqlite3_finalize(stmt);
}

std::optional<std::string> CheckCache::find(const std::string& path, const std::string& sha, model::Detail detail) const {
  const int level = static_cast<int>(detail);
  if (m_preloaded[level]) {
    const auto it = m_loaded[level].find(path);
    if (it == m_loaded[level].end() || it->second.sha != sha) return std::nullopt;
    return it->second.blob;
  }
  auto* stmt = static_cast<sqlite3_stmt*>(m_find[level]);
  sqlite3_bind_text(stmt, 1, path.c_str(), static_cast<int>(path.size()), SQLITE_STATIC);
  sqlite3_bind_blob(stmt, 2, sha.data(), static_cast<int>(sha.size()), SQLITE_STATIC);
  std::optional<std::string> out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0));
    std::string payload(blob ? blob : "", blob ? size : 0);
    const auto checksum = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 1));
    if (row_checksum(path, sha, payload) == checksum) out = std::move(payload);  // else damaged
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return out;
}

void CheckCache::put(const std::string& path, const std::string& sha, model::Detail detail, std::string blob) {
  m_pending_bytes += blob.size();
  m_outcomes.push_back(Pending{path, sha, detail, std::move(blob)});
  if (m_pending_bytes > k_flush_bytes) {
    if (auto error = flush(); error && !m_error) m_error = std::move(error);
  }
}

void CheckCache::stamp(const std::string& path, const Stamp& stamp) { m_stamps.emplace_back(path, stamp); }

namespace {

// The blob kept under `key` in `table` (verdict or answer), when its checksum holds.
std::optional<std::string> keyed_blob(sqlite3* db, const std::string& table, const std::string& key) {
  sqlite3_stmt* stmt = nullptr;
  std::optional<std::string> out;
  if (sqlite3_prepare_v2(db, ("SELECT blob, checksum FROM " + table + " WHERE key = ?").c_str(), -1, &stmt, nullptr) ==
      SQLITE_OK) {
    sqlite3_bind_blob(stmt, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
      std::string payload(blob ? blob : "", blob ? static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)) : 0);
      if (row_checksum(table, key, payload) == static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 1))) {
        out = std::move(payload);
      }
    }
  }
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

std::optional<std::string> CheckCache::verdict(const std::string& key) const {
  return keyed_blob(static_cast<sqlite3*>(m_db), "verdict", key);
}

void CheckCache::put_verdict(const std::string& key, std::string blob) { m_verdict.emplace(key, std::move(blob)); }

std::optional<std::string> CheckCache::answer(const std::string& key) const {
  return keyed_blob(static_cast<sqlite3*>(m_db), "answer", key);
}

std::optional<std::string> CheckCache::put_answer(const std::string& key, const std::string& blob) {
  auto* db = static_cast<sqlite3*>(m_db);
  if (!exec(db, "BEGIN IMMEDIATE")) return last_error(db);
  sqlite3_stmt* put = nullptr;
  bool ok = sqlite3_prepare_v2(db,
                               "INSERT OR REPLACE INTO answer (key, blob, checksum, used)"
                               " VALUES (?, ?, ?, (SELECT coalesce(max(used), 0) + 1 FROM answer))",
                               -1, &put, nullptr) == SQLITE_OK;
  if (ok) {
    sqlite3_bind_blob(put, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    sqlite3_bind_blob(put, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
    sqlite3_bind_int64(put, 3, static_cast<sqlite3_int64>(row_checksum("answer", key, blob)));
    ok = sqlite3_step(put) == SQLITE_DONE;
  }
  sqlite3_finalize(put);
  ok = ok && exec(db, "DELETE FROM answer WHERE used <= (SELECT max(used) FROM answer) - " + std::to_string(k_max_answers));
  std::optional<std::string> error;
  if (!ok) error = last_error(db);
  exec(db, ok ? "COMMIT" : "ROLLBACK");
  return error;
}

void CheckCache::keep_only(std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  m_keep = std::move(paths);
}

std::optional<std::string> CheckCache::flush() {
  if (m_outcomes.empty() && m_stamps.empty() && !m_keep && !m_verdict) return std::exchange(m_error, std::nullopt);
  auto* db = static_cast<sqlite3*>(m_db);
  if (!exec(db, "BEGIN IMMEDIATE")) return last_error(db);
  sqlite3_stmt* outcome[3] = {nullptr, nullptr, nullptr};
  sqlite3_stmt* seen = nullptr;
  sqlite3_stmt* prune[3] = {nullptr, nullptr, nullptr};
  bool ok = sqlite3_prepare_v2(db,
                               "INSERT OR REPLACE INTO seen (path, device, inode, size, mtime, ctime, looked, sha)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &seen, nullptr) == SQLITE_OK;
  for (int i = 0; i < 3 && ok; ++i) {
    const std::string table = k_tables[i];
    ok = sqlite3_prepare_v2(db, ("INSERT OR REPLACE INTO " + table + " (path, sha, blob, checksum) VALUES (?, ?, ?, ?)").c_str(),
                            -1, &outcome[i], nullptr) == SQLITE_OK &&
         // Only the outcome of a file's current content is kept.
         sqlite3_prepare_v2(db, ("DELETE FROM " + table + " WHERE path = ?1 AND sha <> ?2").c_str(), -1, &prune[i],
                            nullptr) == SQLITE_OK;
  }
  for (const auto& p : m_outcomes) {
    if (!ok) break;
    sqlite3_stmt* stmt = outcome[static_cast<int>(p.detail)];
    sqlite3_bind_text(stmt, 1, p.path.c_str(), static_cast<int>(p.path.size()), SQLITE_STATIC);
    sqlite3_bind_blob(stmt, 2, p.sha.data(), static_cast<int>(p.sha.size()), SQLITE_STATIC);
    sqlite3_bind_blob(stmt, 3, p.blob.data(), static_cast<int>(p.blob.size()), SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 4, static_cast<sqlite3_int64>(row_checksum(p.path, p.sha, p.blob)));
    ok = sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_reset(stmt);
  }
  for (const auto& [path, s] : m_stamps) {
    if (!ok) break;
    sqlite3_bind_text(seen, 1, path.c_str(), static_cast<int>(path.size()), SQLITE_STATIC);
    sqlite3_bind_int64(seen, 2, static_cast<sqlite3_int64>(s.device));
    sqlite3_bind_int64(seen, 3, static_cast<sqlite3_int64>(s.inode));
    sqlite3_bind_int64(seen, 4, static_cast<sqlite3_int64>(s.size));
    sqlite3_bind_int64(seen, 5, s.mtime_ns);
    sqlite3_bind_int64(seen, 6, s.ctime_ns);
    sqlite3_bind_int64(seen, 7, s.looked_ns);
    sqlite3_bind_blob(seen, 8, s.sha.data(), static_cast<int>(s.sha.size()), SQLITE_STATIC);
    ok = sqlite3_step(seen) == SQLITE_DONE;
    sqlite3_reset(seen);
    for (int i = 0; i < 3 && ok; ++i) {
      sqlite3_bind_text(prune[i], 1, path.c_str(), static_cast<int>(path.size()), SQLITE_STATIC);
      sqlite3_bind_blob(prune[i], 2, s.sha.data(), static_cast<int>(s.sha.size()), SQLITE_STATIC);
      ok = sqlite3_step(prune[i]) == SQLITE_DONE;
      sqlite3_reset(prune[i]);
    }
  }
  if (ok && m_keep) {
    // Files that are gone: their rows go too.
    ok = exec(db, "CREATE TEMP TABLE IF NOT EXISTS present (path TEXT PRIMARY KEY); DELETE FROM present;");
    sqlite3_stmt* add = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO present (path) VALUES (?)", -1, &add, nullptr) == SQLITE_OK;
    for (const auto& path : *m_keep) {
      if (!ok) break;
      sqlite3_bind_text(add, 1, path.c_str(), static_cast<int>(path.size()), SQLITE_STATIC);
      ok = sqlite3_step(add) == SQLITE_DONE;
      sqlite3_reset(add);
    }
    sqlite3_finalize(add);
    ok = ok && exec(db, "DELETE FROM seen WHERE path NOT IN (SELECT path FROM present);"
                        "DELETE FROM full WHERE path NOT IN (SELECT path FROM present);"
                        "DELETE FROM report WHERE path NOT IN (SELECT path FROM present);"
                        "DELETE FROM summary WHERE path NOT IN (SELECT path FROM present);");
  }
  if (ok && m_verdict) {
    sqlite3_stmt* put = nullptr;
    ok = exec(db, "DELETE FROM verdict") &&
         sqlite3_prepare_v2(db, "INSERT INTO verdict (key, blob, checksum) VALUES (?, ?, ?)", -1, &put, nullptr) == SQLITE_OK;
    if (ok) {
      const auto& [key, blob] = *m_verdict;
      sqlite3_bind_blob(put, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
      sqlite3_bind_blob(put, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
      sqlite3_bind_int64(put, 3, static_cast<sqlite3_int64>(row_checksum("verdict", key, blob)));
      ok = sqlite3_step(put) == SQLITE_DONE;
    }
    sqlite3_finalize(put);
  }
  std::optional<std::string> error;
  if (!ok) error = last_error(db);
  for (int i = 0; i < 3; ++i) {
    sqlite3_finalize(outcome[i]);
    sqlite3_finalize(prune[i]);
  }
  sqlite3_finalize(seen);
  if (!exec(db, ok ? "COMMIT" : "ROLLBACK") && !error) error = last_error(db);
  if (error) exec(db, "ROLLBACK");
  m_outcomes.clear();
  m_stamps.clear();
  m_keep.reset();
  m_verdict.reset();
  m_pending_bytes = 0;
  if (m_error && !error) error = std::exchange(m_error, std::nullopt);
  return error;
}

}  // namespace bbg::store
