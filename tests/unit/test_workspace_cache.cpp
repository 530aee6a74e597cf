#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "store/cache.hpp"
#include "util/sha256.hpp"
#include "workspace/cache.hpp"

using namespace bbg;
using namespace bbg::workspace;

namespace {

constexpr std::int64_t k_second = 1'000'000'000;

Stat file_stat() {
  Stat s;
  s.kind = Kind::file;
  s.size = 100;
  s.mtime_ns = 1000 * k_second;
  s.ctime_ns = 1000 * k_second;
  s.inode = 7;
  s.device = 1;
  return s;
}

}  // namespace

TEST_SUITE("workspace::unchanged") {
  TEST_CASE("the same metadata, looked at well after the file was written, proves it unchanged") {
    const store::Stamp then = stamp_of(file_stat(), 1010 * k_second, util::sha256("x"));
    CHECK(unchanged(file_stat(), then));
  }

  TEST_CASE("any difference in size, times, inode or device means reading it again") {
    const store::Stamp then = stamp_of(file_stat(), 1010 * k_second, util::sha256("x"));
    for (int field = 0; field < 5; ++field) {
      Stat now = file_stat();
      if (field == 0) now.size = 101;
      if (field == 1) now.mtime_ns += 1;  // one nanosecond
      if (field == 2) now.ctime_ns += 1;  // touch -d sets the modification time back, never the change time
      if (field == 3) now.inode = 8;      // replaced by rename
      if (field == 4) now.device = 2;
      CAPTURE(field);
      CHECK_FALSE(unchanged(now, then));
    }
  }

  TEST_CASE("a file written just before it was looked at may have changed in the same clock tick") {
    // Written at 1000 s, looked at 1001 s: within the racy window, so its metadata proves nothing.
    const store::Stamp racy = stamp_of(file_stat(), 1001 * k_second, util::sha256("x"));
    CHECK_FALSE(unchanged(file_stat(), racy));
    const store::Stamp settled = stamp_of(file_stat(), 1000 * k_second + k_racy_ns + 1, util::sha256("x"));
    CHECK(unchanged(file_stat(), settled));
  }

  TEST_CASE("a stamp without a whole SHA-256 proves nothing") {
    CHECK_FALSE(unchanged(file_stat(), stamp_of(file_stat(), 1010 * k_second, "short")));
  }
}

TEST_SUITE("store::CheckCache") {
  TEST_CASE("outcomes are kept per path and content hash, and dropped for another build") {
    const auto dir = std::filesystem::temp_directory_path() / ("bbg-cache-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "c.db";
    std::string why;
    const std::string sha = util::sha256("content"), other = util::sha256("other");
    {
      auto cache = store::CheckCache::open(path, "build-a", why);
      REQUIRE(cache);
      cache->put("plans/a.yaml", sha, model::Detail::summary, "summary");
      cache->put("plans/a.yaml", sha, model::Detail::full, "full");
      cache->stamp("plans/a.yaml", stamp_of(file_stat(), 1010 * k_second, sha));
      CHECK_FALSE(cache->flush());
    }
    {
      auto cache = store::CheckCache::open(path, "build-a", why);
      REQUIRE(cache);
      CHECK(cache->find("plans/a.yaml", sha, model::Detail::summary) == std::optional<std::string>("summary"));
      CHECK(cache->find("plans/a.yaml", sha, model::Detail::full) == std::optional<std::string>("full"));
      CHECK_FALSE(cache->find("plans/a.yaml", sha, model::Detail::report));  // never stored
      CHECK_FALSE(cache->find("plans/a.yaml", other, model::Detail::summary));
      CHECK_FALSE(cache->find("plans/b.yaml", sha, model::Detail::summary));
      cache->preload(model::Detail::summary);  // the same answers from memory
      CHECK(cache->find("plans/a.yaml", sha, model::Detail::summary) == std::optional<std::string>("summary"));
      CHECK_FALSE(cache->find("plans/a.yaml", other, model::Detail::summary));
      const auto stamps = cache->stamps();
      REQUIRE(stamps.count("plans/a.yaml"));
      CHECK(stamps.at("plans/a.yaml").sha == sha);
    }
    {
      auto cache = store::CheckCache::open(path, "build-b", why);
      REQUIRE(cache);
      CHECK_FALSE(cache->find("plans/a.yaml", sha, model::Detail::summary));  // another build's outcome
      CHECK(cache->stamps().count("plans/a.yaml"));          // a file's hash is the same for every build
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("answers are kept under their key, the latest eight, and dropped for another build") {
    const auto dir = std::filesystem::temp_directory_path() / ("bbg-answer-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "c.db";
    std::string why;
    {
      auto cache = store::CheckCache::open(path, "build-a", why);
      REQUIRE(cache);
      for (int i = 0; i < 10; ++i) CHECK_FALSE(cache->put_answer("key-" + std::to_string(i), "0output " + std::to_string(i)));
      CHECK(cache->answer("key-9") == std::optional<std::string>("0output 9"));
      CHECK(cache->answer("key-2") == std::optional<std::string>("0output 2"));
      CHECK_FALSE(cache->answer("key-1"));  // the oldest two are gone
      CHECK_FALSE(cache->answer("key-0"));
      CHECK_FALSE(cache->answer("another key"));
    }
    {
      auto cache = store::CheckCache::open(path, "build-b", why);
      REQUIRE(cache);
      CHECK_FALSE(cache->answer("key-9"));  // another build's answer
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a file that is not a cache is not used") {
    const auto dir = std::filesystem::temp_directory_path() / ("bbg-cache-test2-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "c.db";
    {
      std::ofstream(path) << "not a database at all, just text that is long enough to be read as a header";
    }
    std::string why;
    CHECK_FALSE(store::CheckCache::open(path, "build", why));
    CHECK_FALSE(why.empty());
    std::filesystem::remove_all(dir);
  }
}

TEST_SUITE("workspace::cache_file") {
  TEST_CASE("the cache is never inside the repository") {
    const auto root = std::filesystem::temp_directory_path() / ("bbg-root-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "plans");
    ::setenv("BBG_CACHE_DIR", (root / ".bbg").c_str(), 1);
    std::string why;
    CHECK_FALSE(cache_file(root, why));
    CHECK(why.find("inside the repository") != std::string::npos);
    ::setenv("BBG_CACHE_DIR", (root.string() + "-cache").c_str(), 1);
    why.clear();
    const auto path = cache_file(root, why);
    REQUIRE(path);
    CHECK(path->parent_path() == std::filesystem::canonical(root.string() + "-cache"));
    ::unsetenv("BBG_CACHE_DIR");
    std::filesystem::remove_all(root);
    std::filesystem::remove_all(root.string() + "-cache");
  }
}
