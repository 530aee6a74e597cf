#include "util/file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace bbg::util {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

std::string describe_errno(int err, std::string_view kind) {
  switch (err) {
    case ENOENT: return "no such file (or a symbolic link whose target does not exist)";
    case EACCES: return "permission denied";
    case ELOOP: return "too many levels of symbolic links";
    case EISDIR: return fmt::format("is a directory, not a {}", kind);
    default: return std::strerror(err);
  }
}

}  // namespace

FileRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes, Follow follow, std::string_view kind) {
  FileRead result;
  // O_NONBLOCK so that opening a FIFO does not wait for a writer; cleared before reading.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (follow == Follow::no ? O_NOFOLLOW : 0)));
  if (fd.get() < 0) {
    result.error = describe_errno(errno, kind);
    return result;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    result.error = describe_errno(errno, kind);
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.error = fmt::format("is a directory, not a {}", kind);
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.error = fmt::format("is not a regular file (a device, FIFO or socket); a {} must be a regular file", kind);
    return result;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    result.too_large = true;
    result.error = fmt::format("file is {} bytes, more than the limit of {} bytes for a {}", st.st_size, max_bytes, kind);
    return result;
  }
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  result.content.resize(static_cast<std::size_t>(st.st_size));
  std::size_t total = 0;
  while (total < result.content.size()) {
    const ssize_t n = ::read(fd.get(), result.content.data() + total, result.content.size() - total);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = describe_errno(errno, kind);
      result.content.clear();
      return result;
    }
    if (n == 0) break;  // the file shrank while we read it
    total += static_cast<std::size_t>(n);
  }
  result.content.resize(total);
  // The file may have grown since fstat: refuse rather than read past the limit.
  char extra;
  const ssize_t more = ::read(fd.get(), &extra, 1);
  if (more > 0) {
    result.too_large = true;
    result.error = fmt::format("file grew while being read; more than the limit of {} bytes", max_bytes);
    result.content.clear();
  }
  return result;
}

}  // namespace bbg::util
