#include "cli/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "util/error.hpp"

extern char** environ;

namespace bbg::cli {
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

std::optional<std::string> git_head(const fs::path& root) {
  const Run r = run_git(root, {"rev-parse", "--verify", "--quiet", "HEAD"});
  if (r.status != 0 || r.out.size() < 40) return std::nullopt;
  return r.out.substr(0, r.out.find('\n'));
}

bool git_has_revision(const fs::path& root, const std::string& revision) {
  if (revision.empty() || revision[0] == '-') return false;  // never an option
  return run_git(root, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"}).status == 0;
}

std::vector<check::Source> git_sources(const fs::path& root, const std::string& revision, std::size_t max_bytes) {
  const Run tree = run_git(root, {"ls-tree", "-r", "-z", "--full-tree", "--long", revision + "^{commit}", "--", "plans"});
  if (tree.status != 0) throw util::InputError(fmt::format("git cannot list the plans of {}", revision));
  struct Entry {
    std::string mode, sha, path;
    std::size_t size = 0;
  };
  std::vector<Entry> entries;
  for (std::size_t at = 0; at < tree.out.size();) {
    const std::size_t end = tree.out.find('\0', at);
    const std::string line = tree.out.substr(at, end - at);
    at = end == std::string::npos ? tree.out.size() : end + 1;
    // "<mode> <type> <sha> <size>\t<path>"
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    char mode[16], type[16], sha[65], size[32];
    if (std::sscanf(line.substr(0, tab).c_str(), "%15s %15s %64s %31s", mode, type, sha, size) != 4) continue;
    const std::string path = line.substr(tab + 1);
    if (std::string(type) != "blob" || fs::path(path).extension() != ".yaml") continue;
    entries.push_back(Entry{mode, sha, path, static_cast<std::size_t>(std::strtoull(size, nullptr, 10))});
  }
  std::vector<check::Source> sources;
  std::string requests;
  for (const auto& e : entries) {
    if (e.mode == "120000") continue;
    if (e.size <= max_bytes) requests += e.sha + "\n";
  }
  char name[] = "/tmp/bbg-git-XXXXXX";
  const int fd = ::mkstemp(name);
  if (fd < 0) throw util::InputError("cannot create a temporary file for git");
  const bool written = ::write(fd, requests.data(), requests.size()) == static_cast<ssize_t>(requests.size());
  ::close(fd);
  const Run blobs = written ? run_git(root, {"cat-file", "--batch"}, name) : Run{};
  ::unlink(name);
  if (blobs.status != 0) throw util::InputError(fmt::format("git cannot read the plans of {}", revision));
  std::size_t at = 0;
  for (const auto& e : entries) {
    const std::string file = e.path;
    if (e.mode == "120000") {
      sources.push_back(check::refused_source(file, "symlink", "a symbolic link in the repository; bbg does not follow it"));
      continue;
    }
    if (e.size > max_bytes) {
      sources.push_back(check::refused_source(file, "limit-size", fmt::format("file is {} bytes, more than the limit of {} bytes for a plan file", e.size, max_bytes)));
      continue;
    }
    // "<sha> blob <size>\n<content>\n"
    const std::size_t header_end = blobs.out.find('\n', at);
    if (header_end == std::string::npos) throw util::InputError("unexpected output from git cat-file");
    at = header_end + 1;
    check::Source s;
    s.file = file;
    s.content = blobs.out.substr(at, e.size);
    at += e.size + 1;
    sources.push_back(std::move(s));
  }
  return sources;
}

}  // namespace bbg::cli
