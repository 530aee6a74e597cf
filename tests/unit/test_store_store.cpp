#include <doctest/doctest.h>

#include <filesystem>

#include <fmt/format.h>

#include <sqlite3.h>

#include "report/status.hpp"
#include "store/store.hpp"
#include "testutil.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

using namespace bbg;

namespace {
store::Snapshot sample(const std::string& quarter, model::Status status) {
  store::Snapshot s;
  s.info.quarter = quarter;
  s.info.as_of = "2021-06-30";
  s.info.taken_at = "2021-07-01T08:00:00Z";
  s.info.plans_hash = "abc";
  s.info.bbg_version = "test";
  model::ActivityState a;
  a.plan = "p";
  a.plan_title = "Plan";
  a.area = "1";
  a.area_title = "Område";
  a.id = "1.1";
  a.title = "Åtgärd";
  a.owners = {"Skolan", "IFO"};
  a.due = model::Date(2021, 3, 31);
  a.status = status;
  a.overdue = status != model::Status::done;
  a.days_overdue = a.overdue ? 91 : 0;
  s.activities.push_back(a);
  return s;
}

void raw_sql(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}
}  // namespace

TEST_SUITE("store::store") {
  TEST_CASE("a snapshot round-trips with its activities and owners") {
    test::TempDir dir;
    const auto path = dir.path() / ".bbg" / "bbg.db";
    {
      store::Store db(path, store::Access::write);
      db.save(sample("2021-Q2", model::Status::in_progress), false);
    }
    const store::Store db(path, store::Access::read);
    const auto list = db.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].activities == 1);
    CHECK(list[0].overdue == 1);
    const auto loaded = db.load("2021-Q2");
    REQUIRE(loaded);
    REQUIRE(loaded->activities.size() == 1);
    const auto& a = loaded->activities[0];
    CHECK(a.title == "Åtgärd");
    CHECK(a.owners == std::vector<std::string>{"Skolan", "IFO"});
    CHECK(a.due == model::Date(2021, 3, 31));
    CHECK(a.days_overdue == 91);
    CHECK(a.status == model::Status::in_progress);
  }

  TEST_CASE("taking a quarter again needs replace, and replacing keeps one row") {
    test::TempDir dir;
    store::Store db(dir.path() / "bbg.db", store::Access::write);
    db.save(sample("2021-Q2", model::Status::in_progress), false);
    CHECK_THROWS_AS(db.save(sample("2021-Q2", model::Status::done), false), util::Error);
    db.save(sample("2021-Q2", model::Status::done), true);
    const auto list = db.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].done == 1);
  }

  TEST_CASE("missed rounds round-trip, and a database of schema 1 is read with them unknown, then migrated") {
    test::TempDir dir;
    const auto path = dir.path() / "bbg.db";
    {
      store::Store db(path, store::Access::write);
      auto s = sample("2021-Q2", model::Status::in_progress);
      s.activities[0].rounds_missed = 4;
      db.save(s, false);
      CHECK(db.load("2021-Q2")->activities[0].rounds_missed == 4);
    }
    // What a bbg of schema 1 left: no such column.
    raw_sql(path, "ALTER TABLE snapshot_activity DROP COLUMN rounds_missed; PRAGMA user_version = 1");
    {
      const store::Store db(path, store::Access::read);
      const auto old = db.load("2021-Q2");
      REQUIRE(old);
      CHECK_FALSE(old->activities[0].rounds_missed);
      CHECK(old->activities[0].title == "Åtgärd");
    }
    {
      store::Store db(path, store::Access::write);
      auto s = sample("2021-Q3", model::Status::in_progress);
      s.activities[0].rounds_missed = 1;
      db.save(s, false);
      CHECK_FALSE(db.load("2021-Q2")->activities[0].rounds_missed);
      CHECK(db.load("2021-Q3")->activities[0].rounds_missed == 1);
    }
  }

  TEST_CASE("a database from a newer bbg is refused") {
    test::TempDir dir;
    const auto path = dir.path() / "bbg.db";
    { store::Store db(path, store::Access::write); }
    raw_sql(path, "PRAGMA user_version = 99");
    CHECK_THROWS_WITH_AS(store::Store(path, store::Access::write), doctest::Contains("newer bbg"), util::StoreError);
  }

  TEST_CASE("another program's SQLite database is refused, not migrated") {
    test::TempDir dir;
    const auto path = dir.path() / "other.db";
    raw_sql(path, "CREATE TABLE t (x)");
    CHECK_THROWS_WITH_AS(store::Store(path, store::Access::write), doctest::Contains("another program"), util::StoreError);
  }

  TEST_CASE("a file that is not a database is refused") {
    test::TempDir dir;
    const auto path = dir.path() / "bbg.db";
    std::ofstream(path) << "this is not sqlite, just text long enough to be read as a header ......................";
    CHECK_THROWS_WITH_AS(store::Store(path, store::Access::write), doctest::Contains("not a bbg database"), util::StoreError);
  }

  TEST_CASE("reading a missing database says how to make one") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(store::Store(dir.path() / "none.db", store::Access::read), doctest::Contains("bbg snapshot"),
                         util::StoreError);
  }
}

TEST_SUITE("util::sha256") {
  TEST_CASE("known test vectors") {
    CHECK(util::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(util::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(util::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(util::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
}

TEST_SUITE("store::store") {
  TEST_CASE("back-filled snapshots of the bundled plans agree with status as of each quarter's last day") {
    const auto checked = test::check_texts(test::bundled_plan_files());
    REQUIRE(checked.diagnostics.empty());
    test::TempDir dir;
    store::Store db(dir.path() / "bbg.db", store::Access::write);
    for (int year = 2019; year <= 2023; ++year) {
      for (int q = 1; q <= 4; ++q) {
        const std::string quarter = fmt::format("{}-Q{}", year, q);
        const model::Date last = model::parse_deadline(quarter)->last;
        store::Snapshot s;
        s.info = {0, quarter, last.iso(), "2026-01-01T00:00:00Z", "", "hash", "test", 0, 0, 0};
        s.activities = report::activity_states(checked.plans, last);
        db.save(s, false);
      }
    }
    for (const auto& info : db.list()) {
      CAPTURE(info.quarter);
      const auto status = report::status_report(checked.plans, *model::parse_date(info.as_of), report::GroupBy::plan, {});
      CHECK(info.activities == status.total.total);
      CHECK(info.done == status.total.of(model::Status::done));
      CHECK(info.overdue == status.total.overdue);
      const auto stored = report::aggregate(db.load(info.quarter)->activities, *model::parse_date(info.as_of), report::GroupBy::area, {});
      const auto live = report::status_report(checked.plans, *model::parse_date(info.as_of), report::GroupBy::area, {});
      REQUIRE(stored.rows.size() == live.rows.size());
      for (std::size_t p = 0; p < stored.rows.size(); ++p) {
        // A snapshot stores activities, so an area without any (Jönköping's areas 2-4) has no
        // row in it; the live report lists it with nothing counted.
        auto live_areas = live.rows[p].areas;
        std::erase_if(live_areas, [](const report::StatusRow& area) { return area.counts.total == 0; });
        REQUIRE(stored.rows[p].areas.size() == live_areas.size());
        for (std::size_t a = 0; a < stored.rows[p].areas.size(); ++a) {
          CHECK(stored.rows[p].areas[a].counts.by_status == live_areas[a].counts.by_status);
          CHECK(stored.rows[p].areas[a].counts.overdue == live_areas[a].counts.overdue);
        }
      }
    }
  }
}
