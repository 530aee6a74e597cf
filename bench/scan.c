/* The parse floor of the benchmark: libfyaml's bare event scan (every event, the text of every
 * scalar), what bbg's reader does before it builds anything.
 *
 *   scan [-j N] FOLDER      every *.yaml of FOLDER, in name order
 *
 * With -j N the sorted list is cut into N contiguous parts and one process per part scans it
 * (fork), so that -j 2 is "one process per core" on the benchmark machine. Prints the number of
 * events. Exit 1 when a file does not parse (the corpus must). */
#include <dirent.h>
#include <libfyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int by_name(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }

static long scan_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) return -1;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* buf = malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) return -1;
  fclose(f);
  struct fy_parse_cfg cfg = {0};
  cfg.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
  struct fy_parser* p = fy_parser_create(&cfg);
  fy_parser_set_string(p, buf, (size_t)n);
  long events = 0;
  struct fy_event* e;
  while ((e = fy_parser_parse(p))) {
    if (e->type == FYET_SCALAR) {
      size_t len;
      (void)fy_token_get_text(e->scalar.value, &len);
    }
    ++events;
    fy_parser_event_free(p, e);
  }
  const int bad = fy_parser_get_stream_error(p);
  fy_parser_destroy(p);
  free(buf);
  return bad ? -1 : events;
}

int main(int argc, char** argv) {
  int jobs = 1, arg = 1;
  if (argc > 2 && strcmp(argv[1], "-j") == 0) {
    jobs = atoi(argv[2]);
    arg = 3;
  }
  if (arg >= argc || jobs < 1) {
    fprintf(stderr, "usage: scan [-j N] FOLDER\n");
    return 2;
  }
  DIR* dir = opendir(argv[arg]);
  if (!dir) return 2;
  char** names = NULL;
  size_t count = 0, cap = 0;
  for (struct dirent* d; (d = readdir(dir));) {
    const size_t len = strlen(d->d_name);
    if (len < 6 || strcmp(d->d_name + len - 5, ".yaml") != 0) continue;
    if (count == cap) names = realloc(names, (cap = cap ? 2 * cap : 1024) * sizeof *names);
    names[count] = malloc(strlen(argv[arg]) + len + 2);
    sprintf(names[count++], "%s/%s", argv[arg], d->d_name);
  }
  closedir(dir);
  qsort(names, count, sizeof *names, by_name);
  for (int j = 0; j < jobs; ++j) {
    const pid_t pid = jobs == 1 ? 0 : fork();
    if (pid < 0) return 2;
    if (pid > 0) continue;
    long events = 0;
    for (size_t i = count * (size_t)j / (size_t)jobs; i < count * (size_t)(j + 1) / (size_t)jobs; ++i) {
      const long e = scan_file(names[i]);
      if (e < 0) {
        fprintf(stderr, "scan: %s does not parse\n", names[i]);
        _exit(1);
      }
      events += e;
    }
    printf("%ld\n", events);
    fflush(stdout);
    if (jobs > 1) _exit(0);
    return 0;
  }
  int failed = 0;
  for (int j = 0; j < jobs; ++j) {
    int status = 0;
    if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
  }
  return failed;
}
