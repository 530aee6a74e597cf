#include "cli/pager.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace bbg::cli {
namespace {

// True when `name` is an executable file in a folder of $PATH.
bool on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest = path;
  while (true) {
    const auto colon = rest.find(':');
    const std::string folder(rest.substr(0, colon));
    if (!folder.empty() && ::access((folder + "/" + name).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

bool Pager::start() {
  if (::isatty(STDOUT_FILENO) != 1) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  const char* chosen = std::getenv("PAGER");
  std::string pager = chosen ? chosen : "less -FRX";
  if (pager.empty() || pager == "cat") return false;
  if (!chosen && !on_path("less")) return false;  // no less: the output as it is
  int fds[2];
  if (::pipe(fds) != 0) return false;
  std::cout.flush();
  std::fflush(stdout);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::setenv("LESS", "FRX", 0);
    ::setenv("LV", "-c", 0);
    ::execl("/bin/sh", "sh", "-c", pager.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::dup2(fds[1], STDOUT_FILENO);
  ::close(fds[0]);
  ::close(fds[1]);
  // A reader who quits before the end closes the pipe: that ends the output, it is no error.
  std::signal(SIGPIPE, SIG_IGN);
  m_pid = pid;
  return true;
}

void Pager::finish() {
  if (m_pid <= 0) return;
  std::cout.flush();
  std::fflush(stdout);
  ::close(STDOUT_FILENO);
  int status = 0;
  while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
  }
  m_pid = -1;
}

}  // namespace bbg::cli
