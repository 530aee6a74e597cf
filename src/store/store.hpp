// The snapshot store: SQLite at .bbg/bbg.db (or --db / BBG_DB). The only place that includes
// sqlite3.h. WAL, a busy timeout and foreign keys on every connection; every write in one
// BEGIN IMMEDIATE transaction; the schema versioned by PRAGMA user_version and migrated
// forward in place; a database from a newer bbg or from another program is refused.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/snapshot.hpp"

namespace bbg::store {

// The schema version this bbg writes (and migrates older files to). Reading takes version 1 too:
// its snapshots have no count of missed rounds.
inline constexpr int k_schema_version = 2;

using model::Snapshot;
using model::SnapshotInfo;

enum class Access { read, write };

class Store {
 public:
  // Opens (and with Access::write creates and migrates) the database. Throws StoreError with
  // a message that says what to do. Reading a missing database is an error too.
  Store(const std::filesystem::path& path, Access access);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::vector<SnapshotInfo> list() const;  // oldest quarter first
  std::optional<Snapshot> load(const std::string& quarter) const;
  bool exists(const std::string& quarter) const;

  // Stores the snapshot in one transaction, replacing the quarter's previous one when
  // `replace`; otherwise a quarter that exists is a StoreError. Returns the new id.
  long long save(const Snapshot& snapshot, bool replace);

  const std::filesystem::path& path() const { return m_path; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::filesystem::path m_path;
};

}  // namespace bbg::store
