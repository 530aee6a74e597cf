#include "workspace/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "util/error.hpp"

extern char** environ;

namespace bbg::workspace {
namespace fs = std::filesystem;
namespace {

struct Run {
  int status = -1;
  std::string out;
};

// Runs git (no shell) with `args` in `root`, stdin from `input_file` (or /dev/null), stderr
// dropped. Output beyond `limit` bytes makes it fail.
Run run_git(const fs::path& root, std::vector<std::string> args, const std::string& input_file = "/dev/null",
            std::size_t limit = std::size_t{1} << 30) {
  args.insert(args.begin(), {"git", "-C", root.string(), "-c", "core.quotepath=off"});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input_file.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  Run result;
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return result;
  }
  char buffer[65536];
  bool too_much = false;
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (result.out.size() + static_cast<std::size_t>(n) > limit) {
      too_much = true;
      break;
    }
    result.out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = too_much ? -1 : (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return result;
}


}  // namespace

std::optional<std::vector<std::string>> git_uncommitted(const fs::path& root, const std::vector<std::string>& paths) {
  // No fsmonitor hook: a repository's own configuration never runs a program for bbg.
  std::vector<std::string> args{"-c", "core.fsmonitor=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--"};
  args.insert(args.end(), paths.begin(), paths.end());
  const Run r = run_git(root, args);
  if (r.status != 0) return std::nullopt;
  std::vector<std::string> files;
  bool skip_next = false;  // a rename's or copy's original name
  for (std::size_t at = 0; at < r.out.size();) {
    std::size_t end = r.out.find('\0', at);
    if (end == std::string::npos) end = r.out.size();
    const std::string entry = r.out.substr(at, end - at);
    at = end + 1;
    if (skip_next) {
      skip_next = false;
      continue;
    }
    if (entry.size() < 4) continue;
    files.push_back(entry.substr(3));
    skip_next = entry[0] == 'R' || entry[0] == 'C';
  }
  return files;
}

std::optional<std::string> git_head(const fs::path& root) {
  const Run r = run_git(root, {"rev-parse", "--verify", "--quiet", "HEAD"});
  if (r.status != 0 || r.out.size() < 40) return std::nullopt;
  return r.out.substr(0, r.out.find('\n'));
}

std::optional<std::string> git_user_name(const fs::path& root) {
  const Run r = run_git(root, {"config", "--get", "user.name"});
  if (r.status != 0) return std::nullopt;
  std::string name = r.out.substr(0, r.out.find('\n'));
  if (name.empty()) return std::nullopt;
  return name;
}

bool git_has_revision(const fs::path& root, const std::string& revision) {
  if (revision.empty() || revision[0] == '-') return false;  // never an option
  return run_git(root, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"}).status == 0;
}

namespace {

class GitFiles : public Files {
 public:
  GitFiles(fs::path root, std::string revision) : m_root(std::move(root)), m_revision(std::move(revision)) {
    const Run tree = run_git(m_root, {"ls-tree", "-r", "-t", "-z", "--full-tree", "--long", m_revision + "^{commit}"});
    if (tree.status != 0) throw util::InputError(fmt::format("git cannot list the files of {}", m_revision));
    for (std::size_t at = 0; at < tree.out.size();) {
      const std::size_t end = std::min(tree.out.find('\0', at), tree.out.size());
      const std::string line = tree.out.substr(at, end - at);
      at = end + 1;
      // "<mode> <type> <sha> <size>\t<path>"
      const auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      char mode[16], type[16], sha[65], size[32];
      if (std::sscanf(line.substr(0, tab).c_str(), "%15s %15s %64s %31s", mode, type, sha, size) != 4) continue;
      Entry e;
      e.sha = sha;
      e.size = std::strtoull(size, nullptr, 10);
      const std::string m = mode;
      e.kind = m == "040000" ? Kind::folder : m == "120000" ? Kind::link : (m == "100644" || m == "100755") ? Kind::file : Kind::other;
      m_entries[line.substr(tab + 1)] = std::move(e);
    }
  }

  Stat stat(const std::string& path) const override {
    Stat out;
    if (path.empty()) {
      out.kind = Kind::folder;
      return out;
    }
    const auto it = m_entries.find(path);
    if (it == m_entries.end()) return out;
    out.kind = it->second.kind;
    out.size = it->second.size;
    out.writable = false;
    return out;
  }

  std::vector<std::string> list(const std::string& folder) const override {
    if (stat(folder).kind != Kind::folder) throw util::InputError(fmt::format("{}: no folder {}", m_revision, folder));
    const std::string prefix = folder.empty() ? "" : folder + "/";
    std::vector<std::string> names;
    for (auto it = m_entries.lower_bound(prefix); it != m_entries.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      const std::string rest = it->first.substr(prefix.size());
      if (!rest.empty() && rest.find('/') == std::string::npos) names.push_back(rest);
    }
    return names;
  }

  std::optional<std::string> read_link(const std::string& path) const override {
    const auto it = m_entries.find(path);
    if (it == m_entries.end() || it->second.kind != Kind::link || it->second.size > 4096) return std::nullopt;
    return blob(it->second.sha);
  }

  util::FileRead read(const std::string& path, std::size_t max_bytes) const override {
    util::FileRead out;
    const auto it = m_entries.find(path);
    if (it == m_entries.end() || it->second.kind == Kind::missing) {
      out.error = "no such file";
    } else if (it->second.kind == Kind::folder) {
      out.error = "is a directory, not a plan file";
    } else if (it->second.kind != Kind::file) {
      out.error = "is not a regular file (a device, FIFO or socket); plan files must be regular files";
    } else if (it->second.size > max_bytes) {
      out.too_large = true;
      out.error = fmt::format("file is {} bytes, more than the limit of {} bytes for a plan file", it->second.size, max_bytes);
    } else if (auto content = fetched(it->second.sha, max_bytes)) {
      out.content = std::move(*content);
    } else {
      out.error = fmt::format("git cannot read it from {}", m_revision);
    }
    return out;
  }

  // A link's absolute target names the disk, not the revision: it never counts as inside.
  std::optional<std::string> inside(const std::string&) const override { return std::nullopt; }

  void write(const std::string& path, std::string_view) override {
    throw util::InputError(fmt::format("{} of {} cannot be written: a revision is read-only", path, m_revision));
  }
  void remove(const std::string& path) override { write(path, ""); }

 private:
  struct Entry {
    Kind kind = Kind::missing;
    std::string sha;
    std::size_t size = 0;
  };

  std::optional<std::string> blob(const std::string& sha) const {
    const std::lock_guard<std::mutex> guard(m_lock);
    const Run r = run_git(m_root, {"cat-file", "blob", sha});
    if (r.status != 0) return std::nullopt;
    return r.out;
  }

  // The content of blob `sha`. The first call reads every *.yaml blob of at most `max_bytes`
  // in one git cat-file --batch: one process, not one per file.
  std::optional<std::string> fetched(const std::string& sha, std::size_t max_bytes) const {
    {
      const std::lock_guard<std::mutex> guard(m_lock);
      if (!m_fetched) {
        m_fetched = true;
        std::string requests;
        std::vector<std::pair<std::string, std::size_t>> wanted;
        for (const auto& [path, e] : m_entries) {
          if (e.kind != Kind::file || e.size > max_bytes || fs::path(path).extension() != ".yaml") continue;
          requests += e.sha + "\n";
          wanted.emplace_back(e.sha, e.size);
        }
        char name[] = "/tmp/bbg-git-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd >= 0) {
          const bool written = ::write(fd, requests.data(), requests.size()) == static_cast<ssize_t>(requests.size());
          ::close(fd);
          const Run blobs = written ? run_git(m_root, {"cat-file", "--batch"}, name) : Run{};
          ::unlink(name);
          std::size_t at = 0;
          for (const auto& [blob_sha, size] : wanted) {
            if (blobs.status != 0) break;
            // "<sha> blob <size>\n<content>\n"
            const std::size_t header_end = blobs.out.find('\n', at);
            if (header_end == std::string::npos) break;
            at = header_end + 1;
            m_blobs.emplace(blob_sha, blobs.out.substr(at, size));
            at += size + 1;
          }
        }
      }
      const auto it = m_blobs.find(sha);
      if (it != m_blobs.end()) return it->second;
    }
    return blob(sha);
  }

  fs::path m_root;
  std::string m_revision;
  std::map<std::string, Entry> m_entries;
  mutable std::mutex m_lock;
  mutable bool m_fetched = false;
  mutable std::map<std::string, std::string> m_blobs;
};

}  // namespace

std::unique_ptr<Files> git_files(const fs::path& root, const std::string& revision) {
  if (!git_has_revision(root, revision)) throw util::InputError(fmt::format("{}: not a git revision", revision));
  return std::make_unique<GitFiles>(root, revision);
}

}  // namespace bbg::workspace
