#include "workspace/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace bbg::workspace {
namespace fs = std::filesystem;
namespace {

Stat stat_of(const struct stat& st) {
  Stat out;
  out.kind = S_ISREG(st.st_mode) ? Kind::file : S_ISDIR(st.st_mode) ? Kind::folder : S_ISLNK(st.st_mode) ? Kind::link : Kind::other;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  out.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  out.inode = st.st_ino;
  out.device = st.st_dev;
  out.writable = (st.st_mode & S_IWUSR) != 0;  // the owner's bit: edit() asks access() too
  return out;
}


class DiskFiles : public Files {
 public:
  explicit DiskFiles(const fs::path& root) {
    std::error_code ec;
    m_root = fs::absolute(root, ec).lexically_normal();
    if (m_root.has_filename() == false && m_root.has_parent_path()) m_root = m_root.parent_path();
    m_canonical = fs::canonical(m_root, ec);
    if (ec) m_canonical = m_root;
  }

  Stat stat(const std::string& path) const override {
    struct stat st {};
    if (::lstat(full(path).c_str(), &st) != 0) return Stat{};
    return stat_of(st);
  }

  std::vector<Entry> entries(const std::string& folder) const override {
    DIR* dir = ::opendir(full(folder).c_str());
    if (!dir) throw util::InputError(fmt::format("cannot read the folder {}: {}", folder, std::strerror(errno)));
    std::vector<Entry> out;
    const int fd = ::dirfd(dir);
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      struct stat st {};
      Entry e{std::string(name), Stat{}};
      if (::fstatat(fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) e.stat = stat_of(st);
      out.push_back(std::move(e));
    }
    const int err = errno;
    ::closedir(dir);
    if (err != 0) throw util::InputError(fmt::format("cannot read the folder {}: {}", folder, std::strerror(err)));
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
  }

  std::vector<std::string> list(const std::string& folder) const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(full(folder), ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec) throw util::InputError(fmt::format("cannot read the folder {}: {}", folder, ec.message()));
    std::sort(names.begin(), names.end());
    return names;
  }

  std::optional<std::string> read_link(const std::string& path) const override {
    std::error_code ec;
    const fs::path target = fs::read_symlink(full(path), ec);
    if (ec) return std::nullopt;
    return target.string();
  }

  util::FileRead read(const std::string& path, std::size_t max_bytes) const override {
    return util::read_regular_file(full(path), max_bytes, util::Follow::no);
  }

  std::optional<std::string> inside(const std::string& absolute) const override {
    const fs::path p = fs::path(absolute).lexically_normal();
    for (const fs::path& root : {m_root, m_canonical}) {
      const auto [root_end, rest] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
      if (root_end != root.end()) continue;
      fs::path relative;
      for (auto it = rest; it != p.end(); ++it) {
        if (!it->empty()) relative /= *it;
      }
      return relative.generic_string();
    }
    return std::nullopt;
  }

  bool on_disk() const override { return true; }

  void write(const std::string& path, std::string_view content) override { util::write_file_atomically(full(path), content); }

  void remove(const std::string& path) override {
    if (stat(path).kind != Kind::file) return;
    if (::unlink(full(path).c_str()) != 0) {
      throw util::InputError(fmt::format("cannot remove {}: {}", path, std::strerror(errno)));
    }
  }

 private:
  fs::path full(const std::string& path) const { return path.empty() ? m_root : m_root / path; }
  fs::path m_root;       // absolute, as given
  fs::path m_canonical;  // the same with links resolved
};

}  // namespace

std::unique_ptr<Files> disk_files(const fs::path& root) { return std::make_unique<DiskFiles>(root); }

std::vector<Files::Entry> Files::entries(const std::string& folder) const {
  std::vector<Entry> out;
  for (auto& name : list(folder)) {
    Stat stat = this->stat(folder.empty() ? name : folder + "/" + name);
    out.push_back(Entry{std::move(name), stat});
  }
  return out;
}

void MemoryFiles::add_parents(const std::string& path) {
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    Item& parent = m_entries[path.substr(0, slash)];
    if (parent.kind == Kind::missing) parent.kind = Kind::folder;
  }
}

MemoryFiles& MemoryFiles::file(const std::string& path, std::string content, bool writable) {
  add_parents(path);
  m_entries[path] = Item{Kind::file, std::move(content), writable};
  return *this;
}

MemoryFiles& MemoryFiles::folder(const std::string& path) {
  add_parents(path);
  m_entries[path] = Item{Kind::folder, "", true};
  return *this;
}

MemoryFiles& MemoryFiles::link(const std::string& path, std::string target) {
  add_parents(path);
  m_entries[path] = Item{Kind::link, std::move(target), true};
  return *this;
}

MemoryFiles& MemoryFiles::other(const std::string& path) {
  add_parents(path);
  m_entries[path] = Item{Kind::other, "", true};
  return *this;
}

Stat MemoryFiles::stat(const std::string& path) const {
  Stat out;
  if (path.empty()) {
    out.kind = Kind::folder;
    return out;
  }
  const auto it = m_entries.find(path);
  if (it == m_entries.end()) return out;
  out.kind = it->second.kind;
  out.size = it->second.content.size();
  out.writable = it->second.writable;
  out.inode = static_cast<std::uint64_t>(std::distance(m_entries.begin(), it)) + 1;
  return out;
}

std::vector<std::string> MemoryFiles::list(const std::string& folder) const {
  if (stat(folder).kind != Kind::folder) throw util::InputError(fmt::format("cannot read the folder {}", folder));
  const std::string prefix = folder.empty() ? "" : folder + "/";
  std::vector<std::string> names;
  for (const auto& [path, entry] : m_entries) {
    if (path.rfind(prefix, 0) != 0 || path.size() == prefix.size()) continue;
    const std::string rest = path.substr(prefix.size());
    if (rest.find('/') == std::string::npos) names.push_back(rest);
  }
  return names;
}

std::optional<std::string> MemoryFiles::read_link(const std::string& path) const {
  const auto it = m_entries.find(path);
  if (it == m_entries.end() || it->second.kind != Kind::link) return std::nullopt;
  return it->second.content;
}

util::FileRead MemoryFiles::read(const std::string& path, std::size_t max_bytes) const {
  util::FileRead out;
  const auto it = m_entries.find(path);
  if (it == m_entries.end()) {
    out.error = "no such file";
  } else if (it->second.kind == Kind::folder) {
    out.error = "is a directory, not a plan file";
  } else if (it->second.kind != Kind::file) {
    out.error = "is not a regular file (a device, FIFO or socket); plan files must be regular files";
  } else if (it->second.content.size() > max_bytes) {
    out.too_large = true;
    out.error = fmt::format("file is {} bytes, more than the limit of {} bytes for a plan file",
                            it->second.content.size(), max_bytes);
  } else {
    out.content = it->second.content;
  }
  return out;
}

std::optional<std::string> MemoryFiles::inside(const std::string& absolute) const {
  if (absolute == "/repo") return std::string();
  if (absolute.rfind("/repo/", 0) == 0) return absolute.substr(6);
  return std::nullopt;
}

void MemoryFiles::write(const std::string& path, std::string_view content) {
  const auto it = m_entries.find(path);
  if (it != m_entries.end() && it->second.kind != Kind::file) {
    throw util::InputError(fmt::format("cannot replace {}: not a regular file", path));
  }
  if (it != m_entries.end() && !it->second.writable) throw util::InputError(fmt::format("cannot replace {}: read-only", path));
  file(path, std::string(content));
}

void MemoryFiles::remove(const std::string& path) {
  const auto it = m_entries.find(path);
  if (it != m_entries.end() && it->second.kind == Kind::file) m_entries.erase(it);
}

std::optional<std::string> MemoryFiles::content(const std::string& path) const {
  const auto it = m_entries.find(path);
  if (it == m_entries.end() || it->second.kind != Kind::file) return std::nullopt;
  return it->second.content;
}

}  // namespace bbg::workspace
