/* Small helpers shared by the benchmark tools: clocks, option parsing, fd limits. */
#ifndef HB_COMMON_H
#define HB_COMMON_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Wall-clock nanoseconds (CLOCK_REALTIME), so that timestamps printed by the generator, the sink
 * and the driving script (date +%s%N) can be compared across processes. */
static inline int64_t hb_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static inline void hb_die(const char *prog, const char *what) {
  fprintf(stderr, "%s: %s\n", prog, what);
  exit(2);
}

/* Parses a non-negative number with an optional k/m suffix (x1000, x1000000): "20m" lines. */
static inline long long hb_parse_count(const char *prog, const char *opt, const char *s) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || v < 0) {
    fprintf(stderr, "%s: %s expects a non-negative number, got '%s'\n", prog, opt, s);
    exit(2);
  }
  if (*end == 'k' || *end == 'K') { v *= 1e3; end++; }
  else if (*end == 'm' || *end == 'M') { v *= 1e6; end++; }
  if (*end) {
    fprintf(stderr, "%s: %s expects a number (k and m suffixes allowed), got '%s'\n", prog, opt, s);
    exit(2);
  }
  return (long long)v;
}

/* Raises the soft fd limit to the hard one: the idle benchmark needs every descriptor the
 * process may have. Returns the limit now in force. */
static inline long hb_raise_fd_limit(void) {
  struct rlimit r;
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return -1;
  if (r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
    getrlimit(RLIMIT_NOFILE, &r);
  }
  return (long)r.rlim_cur;
}

/* CPU seconds (user + system) this process has used: the scripts subtract the tools' own CPU
 * from the machine's to see how much other processes took during a run. */
static inline double hb_cpu_seconds(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

#endif
