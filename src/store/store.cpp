#include "store/store.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "util/error.hpp"

namespace bbg::store {
namespace {

// 'bbg1': marks the file as bbg's, so that another program's database is never migrated.
constexpr int k_application_id = 0x62626731;

constexpr const char* k_schema_v1 = R"sql(
CREATE TABLE snapshot (
  id          INTEGER PRIMARY KEY,
  quarter     TEXT NOT NULL UNIQUE,   -- YYYY-Qn
  as_of       TEXT NOT NULL,          -- the date the state was computed for, YYYY-MM-DD
  taken_at    TEXT NOT NULL,          -- when the snapshot was taken, UTC ISO 8601
  git_commit  TEXT,                   -- commit of the plan repository, NULL outside git
  plans_hash  TEXT NOT NULL,          -- SHA-256 over the plan files' names and contents
  bbg_version TEXT NOT NULL
);
CREATE TABLE snapshot_activity (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,      -- order in the plan files
  plan         TEXT NOT NULL,
  plan_title   TEXT NOT NULL,
  area         TEXT NOT NULL,
  area_title   TEXT NOT NULL,
  activity     TEXT NOT NULL,
  title        TEXT NOT NULL,
  owners       TEXT NOT NULL,         -- the owners joined by "; " (one row each in snapshot_owner)
  due          TEXT,                  -- the deadline that counted, YYYY-MM-DD, or NULL
  status       TEXT NOT NULL CHECK (status IN ('planned','in_progress','done','delayed','cancelled')),
  overdue      INTEGER NOT NULL CHECK (overdue IN (0, 1)),
  days_overdue INTEGER,               -- NULL when not overdue
  PRIMARY KEY (snapshot_id, plan, activity)
);
CREATE TABLE snapshot_owner (
  snapshot_id INTEGER NOT NULL,
  plan        TEXT NOT NULL,
  activity    TEXT NOT NULL,
  owner       TEXT NOT NULL,
  FOREIGN KEY (snapshot_id, plan, activity) REFERENCES snapshot_activity(snapshot_id, plan, activity) ON DELETE CASCADE
);
CREATE INDEX snapshot_owner_owner ON snapshot_owner(owner);
)sql";

// Version 2: the rounds of a recurring activity missed by as_of (NULL in snapshots taken before).
constexpr const char* k_schema_v2 = R"sql(
ALTER TABLE snapshot_activity ADD COLUMN rounds_missed INTEGER;
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(m_stmt); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& text) {
    check(sqlite3_bind_text(m_stmt, i, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, long long value) {
    check(sqlite3_bind_int64(m_stmt, i, value));
    return *this;
  }
  Statement& bind_null(int i) {
    check(sqlite3_bind_null(m_stmt, i));
    return *this;
  }
  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  void run() {
    while (step()) {
    }
    reset();
  }
  void reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }
  std::string text(int i) const {
    const auto* p = sqlite3_column_text(m_stmt, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  long long integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
  bool null(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() const;
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

std::string explain(sqlite3* db, const std::string& file) {
  const int code = sqlite3_extended_errcode(db);
  switch (code & 0xFF) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return fmt::format("{} is not a bbg database or it is damaged ({}); move it away and take the snapshots again, "
                         "or point --db elsewhere", file, sqlite3_errmsg(db));
    case SQLITE_FULL: return fmt::format("the disk is full while writing {}; nothing was stored: free space and retry", file);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      return fmt::format("cannot write {} ({}); check that its folder is writable, or pass --db", file, sqlite3_errmsg(db));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("{} is busy (another bbg is writing); try again", file);
    default: return fmt::format("{}: {}", file, sqlite3_errmsg(db));
  }
}

thread_local std::string t_current_file;

void Statement::fail() const { throw util::StoreError(explain(m_db, t_current_file)); }

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);
    throw util::StoreError(explain(db, t_current_file));
  }
}

long long pragma(sqlite3* db, const char* name) {
  Statement s(db, fmt::format("PRAGMA {}", name).c_str());
  return s.step() ? s.integer(0) : 0;
}

const char* status_text(model::Status s) { return model::to_string(s); }

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  long long version = k_schema_version;  // of the file: a read-only store reads version 1 too
  ~Impl() {
    if (db) sqlite3_close_v2(db);
  }
};

Store::Store(const std::filesystem::path& path, Access access) : m_impl(std::make_unique<Impl>()), m_path(path) {
  t_current_file = path.string();
  std::error_code ec;
  if (access == Access::read && !std::filesystem::exists(path, ec)) {
    throw util::StoreError(fmt::format("no snapshot database at {}; take one with bbg snapshot", path.string()));
  }
  if (access == Access::write) {
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path(), ec);
    if (ec) throw util::StoreError(fmt::format("cannot create the folder of {}: {}", path.string(), ec.message()));
  }
  const int flags = (access == Access::write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOFOLLOW;
  if (sqlite3_open_v2(path.c_str(), &m_impl->db, flags, nullptr) != SQLITE_OK) {
    throw util::StoreError(explain(m_impl->db, path.string()));
  }
  sqlite3* db = m_impl->db;
  sqlite3_busy_timeout(db, 10'000);
  exec(db, "PRAGMA foreign_keys = ON");

  const long long application = pragma(db, "application_id");  // reading fails for a file that is not SQLite
  const long long version = pragma(db, "user_version");
  const long long tables = [&] {
    Statement s(db, "SELECT count(*) FROM sqlite_schema");
    return s.step() ? s.integer(0) : 0;
  }();
  if (tables > 0 && application != k_application_id) {
    throw util::StoreError(fmt::format("{} is an SQLite database of another program, not bbg's; pass --db with another path",
                                       path.string()));
  }
  if (version > k_schema_version) {
    throw util::StoreError(fmt::format("{} was written by a newer bbg (schema version {}, this bbg knows {}); upgrade bbg",
                                       path.string(), version, k_schema_version));
  }
  if (access == Access::read) {
    m_impl->version = version;
    if (version < 1) {
      throw util::StoreError(fmt::format("{} holds no snapshots yet; run bbg snapshot", path.string()));
    }
    return;
  }
  exec(db, "PRAGMA journal_mode = WAL");
  // Migrate forward inside one immediate transaction that reads and sets user_version, so two
  // bbg processes never both migrate.
  exec(db, "BEGIN IMMEDIATE");
  try {
    const long long current = pragma(db, "user_version");
    if (current > k_schema_version) throw util::StoreError(fmt::format("{} was written by a newer bbg; upgrade bbg", path.string()));
    if (current < 1) {
      exec(db, k_schema_v1);
      exec(db, fmt::format("PRAGMA application_id = {}", k_application_id).c_str());
    }
    if (current < 2) exec(db, k_schema_v2);
    exec(db, fmt::format("PRAGMA user_version = {}", k_schema_version).c_str());
    exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

Store::~Store() = default;

std::vector<SnapshotInfo> Store::list() const {
  t_current_file = m_path.string();
  Statement s(m_impl->db,
              "SELECT s.id, s.quarter, s.as_of, s.taken_at, coalesce(s.git_commit, ''), s.plans_hash, s.bbg_version,"
              " count(a.activity), coalesce(sum(a.status = 'done'), 0), coalesce(sum(a.overdue), 0)"
              " FROM snapshot s LEFT JOIN snapshot_activity a ON a.snapshot_id = s.id"
              " GROUP BY s.id ORDER BY s.quarter");
  std::vector<SnapshotInfo> out;
  while (s.step()) {
    out.push_back(SnapshotInfo{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                               static_cast<int>(s.integer(7)), static_cast<int>(s.integer(8)), static_cast<int>(s.integer(9))});
  }
  return out;
}

bool Store::exists(const std::string& quarter) const {
  t_current_file = m_path.string();
  Statement s(m_impl->db, "SELECT 1 FROM snapshot WHERE quarter = ?");
  s.bind(1, quarter);
  return s.step();
}

std::optional<Snapshot> Store::load(const std::string& quarter) const {
  for (const auto& info : list()) {
    if (info.quarter != quarter) continue;
    Snapshot snapshot{info, {}};
    const std::string sql = fmt::format(
        "SELECT plan, plan_title, area, area_title, activity, title, due, status, overdue, days_overdue, {}"
        " FROM snapshot_activity WHERE snapshot_id = ? ORDER BY position",
        m_impl->version >= 2 ? "rounds_missed" : "NULL");
    Statement s(m_impl->db, sql.c_str());
    s.bind(1, info.id);
    Statement owners(m_impl->db, "SELECT owner FROM snapshot_owner WHERE snapshot_id = ? AND plan = ? AND activity = ? ORDER BY rowid");
    while (s.step()) {
      model::ActivityState a;
      a.plan = s.text(0);
      a.plan_title = s.text(1);
      a.area = s.text(2);
      a.area_title = s.text(3);
      a.id = s.text(4);
      a.title = s.text(5);
      if (!s.null(6)) a.due = model::parse_date(s.text(6));
      a.status = model::parse_status(s.text(7)).value_or(model::Status::planned);
      a.overdue = s.integer(8) != 0;
      a.days_overdue = s.null(9) ? 0 : s.integer(9);
      if (!s.null(10)) a.rounds_missed = static_cast<int>(s.integer(10));
      owners.bind(1, info.id).bind(2, a.plan).bind(3, a.id);
      while (owners.step()) a.owners.push_back(owners.text(0));
      owners.reset();
      snapshot.activities.push_back(std::move(a));
    }
    return snapshot;
  }
  return std::nullopt;
}

long long Store::save(const Snapshot& snapshot, bool replace) {
  t_current_file = m_path.string();
  sqlite3* db = m_impl->db;
  exec(db, "BEGIN IMMEDIATE");
  try {
    if (exists(snapshot.info.quarter)) {
      if (!replace) {
        throw util::Error(fmt::format("a snapshot of {} exists already; pass --replace to take it again",
                                      snapshot.info.quarter), util::ExitCode::findings);
      }
      Statement del(db, "DELETE FROM snapshot WHERE quarter = ?");
      del.bind(1, snapshot.info.quarter).run();
    }
    Statement insert(db,
                     "INSERT INTO snapshot (quarter, as_of, taken_at, git_commit, plans_hash, bbg_version)"
                     " VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, snapshot.info.quarter).bind(2, snapshot.info.as_of).bind(3, snapshot.info.taken_at);
    if (snapshot.info.git_commit.empty()) {
      insert.bind_null(4);
    } else {
      insert.bind(4, snapshot.info.git_commit);
    }
    insert.bind(5, snapshot.info.plans_hash).bind(6, snapshot.info.bbg_version).run();
    const long long id = sqlite3_last_insert_rowid(db);
    Statement row(db,
                  "INSERT INTO snapshot_activity (snapshot_id, position, plan, plan_title, area, area_title, activity,"
                  " title, owners, due, status, overdue, days_overdue, rounds_missed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Statement owner(db, "INSERT INTO snapshot_owner (snapshot_id, plan, activity, owner) VALUES (?, ?, ?, ?)");
    long long position = 0;
    for (const auto& a : snapshot.activities) {
      std::string owners;
      for (const auto& o : a.owners) owners += (owners.empty() ? "" : "; ") + o;
      row.bind(1, id).bind(2, position++).bind(3, a.plan).bind(4, a.plan_title).bind(5, a.area).bind(6, a.area_title);
      row.bind(7, a.id).bind(8, a.title).bind(9, owners);
      if (a.due) {
        row.bind(10, a.due->iso());
      } else {
        row.bind_null(10);
      }
      row.bind(11, std::string(status_text(a.status))).bind(12, a.overdue ? 1LL : 0LL);
      if (a.overdue) {
        row.bind(13, static_cast<long long>(a.days_overdue));
      } else {
        row.bind_null(13);
      }
      if (a.rounds_missed) {
        row.bind(14, static_cast<long long>(*a.rounds_missed));
      } else {
        row.bind_null(14);
      }
      row.run();
      for (const auto& o : a.owners) owner.bind(1, id).bind(2, a.plan).bind(3, a.id).bind(4, o).run();
    }
    exec(db, "COMMIT");
    return id;
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace bbg::store
