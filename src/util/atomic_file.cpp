#include "util/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "util/error.hpp"

namespace bbg::util {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
  throw InputError(fmt::format("{} {}: {}", what, path.string(), std::strerror(err)));
}

// Writes all of `content` to `fd`, retrying after signals: 0, or the errno of the failure.
int write_all(int fd, std::string_view content) {
  for (std::size_t written = 0; written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  mode_t mode = 0644;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;

  std::string name = (folder / ("." + path.filename().string() + ".bbg-XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail("cannot create a temporary file next to", path, errno);
  const fs::path temp(name);
  const auto abandon = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(what, path, err);
  };
  if (::fchmod(fd, mode) != 0) abandon("cannot set the permissions of the new", errno);
  if (const int err = write_all(fd, content)) abandon("cannot write the new", err);
  if (::fsync(fd) != 0) abandon("cannot flush the new", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    fail("cannot close the new", path, err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    fail("cannot replace", path, err);
  }
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    const int synced = ::fsync(dir);
    const int err = errno;
    ::close(dir);
    if (synced != 0 && err != EINVAL) fail("cannot flush the folder of", path, err);
  }
}

FileLock::FileLock(const fs::path& path) {
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) fail("cannot open the lock file", path, errno);
  while (::flock(m_fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      const int err = errno;
      ::close(m_fd);
      m_fd = -1;
      fail("cannot lock", path, err);
    }
  }
}

FileLock::~FileLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
}

void write_output_file(const fs::path& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) {
    write_file_atomically(path, content);
    return;
  }
  if (S_ISDIR(st.st_mode)) fail("cannot write the output to", path, EISDIR);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) fail("cannot open", path, errno);
  if (const int err = write_all(fd, content)) {
    ::close(fd);
    fail("cannot write the output to", path, err);
  }
  if (::close(fd) != 0) fail("cannot write the output to", path, errno);
}

}  // namespace bbg::util
