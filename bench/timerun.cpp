// Times one command for bench/bench.py:   timerun CMD [ARGS...]
// Starts CMD with posix_spawnp (stdin, stdout and stderr on /dev/null), waits for it with
// wait4 and prints "WALL_SECONDS PEAK_RSS_KIB EXIT_STATUS" on one line.
//
// Why not time from Python or through /usr/bin/time: Linux carries the RSS a process had before
// exec into its ru_maxrss, and a child forked (or vforked) from a 15 MB Python would report at
// least 15 MB; /usr/bin/time avoids that but forks, which costs several milliseconds on this
// kind of VM and blurs the start-up figures. This helper is about 1 MB (the floor of every RSS
// figure, see the /bin/true line) and spawns without copying its address space.
// Built by bench/run.sh with g++ -O2 -std=c++20.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

extern char** environ;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: timerun CMD [ARGS...]\n");
    return 2;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[1], &actions, nullptr, argv + 1, environ);
  if (rc != 0) {
    std::fprintf(stderr, "timerun: cannot start %s: %s\n", argv[1], std::strerror(rc));
    return 2;
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("timerun: wait4");
      return 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  const double wall = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("%.6f %ld %d\n", wall, usage.ru_maxrss, code);
  return 0;
}
