// The one seam between bbg and the files of a plan repository, as ninja's DiskInterface: the
// disk, a git revision, or memory (for tests). Paths are relative to the repository root, with
// "/" between names and no "." or "..". bbg's rules for symbolic links and kinds of file
// (workspace/plan_files.hpp) are written once over this seam and unit-tested on memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/file.hpp"

namespace bbg::workspace {

// What is at a path, without following a symbolic link there. `other`: a FIFO, device or socket.
enum class Kind { missing, file, folder, link, other };

struct Stat {
  Kind kind = Kind::missing;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  bool writable = true;  // its owner may write it (the writing commands refuse a file that is not)
};

class Files {
 public:
  virtual ~Files() = default;
  virtual Stat stat(const std::string& path) const = 0;
  // The names in a folder, sorted. Throws util::InputError when it cannot be read.
  virtual std::vector<std::string> list(const std::string& folder) const = 0;
  // The same with what stat() says of each (the disk reads them relative to the open folder,
  // without looking the whole path up again for every file).
  struct Entry {
    std::string name;
    Stat stat;
  };
  virtual std::vector<Entry> entries(const std::string& folder) const;
  // The target of the symbolic link at `path`, as written.
  virtual std::optional<std::string> read_link(const std::string& path) const = 0;
  // The content of the regular file at `path` (never through a link), at most `max_bytes`.
  virtual util::FileRead read(const std::string& path, std::size_t max_bytes) const = 0;
  // An absolute path (a link's target) as a path of the repository, when it lies inside it.
  virtual std::optional<std::string> inside(const std::string& absolute) const = 0;
  // True for the work tree on disk, whose files are indexed by their metadata.
  virtual bool on_disk() const { return false; }
  // Replaces the regular file at `path` (or makes a new one) atomically: a reader sees the old
  // bytes or the new, never a mix. Throws util::InputError; the seam of a revision is read-only.
  virtual void write(const std::string& path, std::string_view content) = 0;
  // Removes the regular file at `path` (never a folder or what a link points to).
  virtual void remove(const std::string& path) = 0;
};

// The work tree at `root`.
std::unique_ptr<Files> disk_files(const std::filesystem::path& root);

// Files held in memory, for tests: regular files, folders, links and "other" entries.
class MemoryFiles : public Files {
 public:
  MemoryFiles& file(const std::string& path, std::string content, bool writable = true);
  MemoryFiles& folder(const std::string& path);
  MemoryFiles& link(const std::string& path, std::string target);
  MemoryFiles& other(const std::string& path);

  Stat stat(const std::string& path) const override;
  std::vector<std::string> list(const std::string& folder) const override;
  std::optional<std::string> read_link(const std::string& path) const override;
  util::FileRead read(const std::string& path, std::size_t max_bytes) const override;
  // The repository is "/repo" to absolute link targets.
  std::optional<std::string> inside(const std::string& absolute) const override;
  void write(const std::string& path, std::string_view content) override;
  void remove(const std::string& path) override;
  // What the file at `path` holds now (for tests of writes).
  std::optional<std::string> content(const std::string& path) const;

 private:
  struct Item {
    Kind kind = Kind::missing;
    std::string content;  // a file's bytes, a link's target
    bool writable = true;
  };
  void add_parents(const std::string& path);
  std::map<std::string, Item> m_entries;
};

}  // namespace bbg::workspace
