// Where the check cache of a repository lives, and when a file's metadata proves it unchanged.
// The cache is never inside the repository: a pull request cannot put one there for bbg to read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "store/cache.hpp"
#include "workspace/files.hpp"

namespace bbg::workspace {

// A file whose modification or change time lies this close before the moment its metadata was
// read may still have been written in the same clock tick afterwards (timestamps are coarse on
// some file systems): its metadata proves nothing, and it is read again next time.
inline constexpr std::int64_t k_racy_ns = 2'000'000'000;

// The cache file of the repository at `root`: $BBG_CACHE_DIR, else $XDG_CACHE_HOME/bbg, else
// $HOME/.cache/bbg, named by the SHA-256 of the repository's real path. Nothing when none of
// these is set; nothing, with `why` set, when the folder cannot be made or lies inside the
// repository.
std::optional<std::filesystem::path> cache_file(const std::filesystem::path& root, std::string& why);

// True when `now` (the file's metadata) proves that its content is still the one `then` hashed:
// the same device, inode, size, modification and change time, and neither time racy.
bool unchanged(const Stat& now, const store::Stamp& then);

// The stamp of a file with metadata `stat`, read at `looked_ns`, whose content hashes to `sha`.
store::Stamp stamp_of(const Stat& stat, std::int64_t looked_ns, std::string sha);

// The clock, in nanoseconds since 1970.
std::int64_t now_ns();

}  // namespace bbg::workspace
