#include "workspace/cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "util/sha256.hpp"

namespace bbg::workspace {
namespace fs = std::filesystem;
namespace {

bool is_inside(const fs::path& path, const fs::path& root) {
  const auto [root_end, _] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

std::optional<fs::path> cache_folder() {
  const auto env = [](const char* name) -> std::optional<fs::path> {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return fs::path(value);
  };
  if (auto dir = env("BBG_CACHE_DIR")) return dir;
  if (auto dir = env("XDG_CACHE_HOME"); dir && dir->is_absolute()) return *dir / "bbg";
  if (auto home = env("HOME"); home && home->is_absolute()) return *home / ".cache" / "bbg";
  return std::nullopt;
}

}  // namespace

std::optional<fs::path> cache_file(const fs::path& root, std::string& why) {
  const auto folder = cache_folder();
  if (!folder) return std::nullopt;  // no HOME (some CI jobs): no cache, and nothing to say
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
  fs::create_directories(*folder, ec);
  if (ec) {
    why = "cannot create " + folder->string() + ": " + ec.message();
    return std::nullopt;
  }
  ::chmod(folder->c_str(), 0700);  // the user's own, as ~/.cache is
  const fs::path real_folder = fs::weakly_canonical(fs::absolute(*folder, ec), ec);
  if (ec || is_inside(real_folder, real_root)) {
    why = "the cache folder " + folder->string() +
          " is inside the repository, where a pull request could write it; bbg does not use it";
    return std::nullopt;
  }
  return real_folder / (util::sha256_hex(real_root.string()).substr(0, 32) + ".db");
}

bool unchanged(const Stat& now, const store::Stamp& then) {
  return now.kind == Kind::file && now.size == then.size && now.mtime_ns == then.mtime_ns &&
         now.ctime_ns == then.ctime_ns && now.inode == then.inode && now.device == then.device &&
         std::max(then.mtime_ns, then.ctime_ns) < then.looked_ns - k_racy_ns && then.sha.size() == 32;
}

store::Stamp stamp_of(const Stat& stat, std::int64_t looked_ns, std::string sha) {
  store::Stamp s;
  s.device = stat.device;
  s.inode = stat.inode;
  s.size = stat.size;
  s.mtime_ns = stat.mtime_ns;
  s.ctime_ns = stat.ctime_ns;
  s.looked_ns = looked_ns;
  s.sha = std::move(sha);
  return s;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace bbg::workspace
