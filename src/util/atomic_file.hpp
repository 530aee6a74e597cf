// Safe writes: a temporary file in the same folder, synced and renamed over the original, and
// an exclusive lock on a separate lock file held for a whole read-modify-write.
#pragma once

#include <filesystem>
#include <string_view>

namespace bbg::util {

// Replaces `path` with `content` atomically: readers see the old or the new file, never a
// mix; on any failure the original is untouched. Keeps the original's permission bits
// (0644 for a new file). Throws InputError saying what failed.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Writes `content` where a command's -o points: a regular file (or a new one) atomically, as
// above; anything else that is there (a device such as /dev/stdout or /dev/full, a pipe) is
// written into, never replaced. Throws InputError when not all of it could be written.
void write_output_file(const std::filesystem::path& path, std::string_view content);

// An exclusive flock(2) on `path` (created if missing), released when the object goes.
// Blocks until the lock is free. Throws InputError when the lock file cannot be opened.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int m_fd = -1;
};

}  // namespace bbg::util
