/*
 * hb-sink: the raw loopback reference. Accepts any number of TCP connections, reads everything
 * with one epoll loop and only counts newlines. It does nothing a real receiver could skip, so
 * the server's figures are reported as a fraction of what this reaches with the same senders in
 * the same run.
 *
 * It stops when --connections connections have come and gone (the generator closed them all),
 * on SIGINT/SIGTERM, or after --timeout seconds, then prints one line of key=value figures:
 *   sink lines=... bytes=... connections=... first_ns=... last_ns=... seconds=... rate=...
 * first_ns/last_ns are the wall-clock times of the first and the last byte read.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common.h"

static const char *PROG = "hb-sink";
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig) {
  (void)sig;
  stop_requested = 1;
}

static void usage(FILE *out) {
  fprintf(out,
      "usage: hb-sink --port P [--bind ADDR] [--connections N] [--timeout S] [--read-size BYTES]\n"
      "  Counts the newlines on every TCP connection it accepts, as fast as it can.\n"
      "  --port P          port to listen on (required)\n"
      "  --bind ADDR       address to listen on (default 127.0.0.1)\n"
      "  --connections N   stop once N connections have been accepted and all closed (0: never)\n"
      "  --timeout S       stop after S seconds whatever happens (default 300)\n"
      "  --read-size B     bytes per read() (default 262144)\n"
      "  Prints 'listening port=P' once ready, then the figures when it stops.\n");
}

/* Counts '\n' in buf; a plain loop that gcc vectorises at -O3. */
static uint64_t count_newlines(const unsigned char *buf, size_t n) {
  uint64_t count = 0;
  for (size_t i = 0; i < n; i++) count += buf[i] == '\n';
  return count;
}

int main(int argc, char **argv) {
  int port = -1;
  const char *bind_addr = "127.0.0.1";
  long long want_connections = 0, timeout_s = 300, read_size = 262144;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
    if (i + 1 >= argc) { usage(stderr); fprintf(stderr, "%s: %s needs a value\n", PROG, a); return 2; }
    const char *v = argv[++i];
    if (!strcmp(a, "--port")) port = (int)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--bind")) bind_addr = v;
    else if (!strcmp(a, "--connections")) want_connections = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--timeout")) timeout_s = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--read-size")) read_size = hb_parse_count(PROG, a, v);
    else { usage(stderr); fprintf(stderr, "%s: unknown option %s\n", PROG, a); return 2; }
  }
  if (port < 0 || port > 65535) { usage(stderr); hb_die(PROG, "--port 0..65535 is required"); }
  if (read_size < 1) hb_die(PROG, "--read-size must be at least 1");
  hb_raise_fd_limit();
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGPIPE, SIG_IGN);

  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  if (inet_pton(AF_INET, bind_addr, &sa.sin_addr) != 1) hb_die(PROG, "--bind is not an IPv4 address");
  if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) != 0) { perror("hb-sink: bind"); return 1; }
  if (listen(lfd, 65535) != 0) { perror("hb-sink: listen"); return 1; }
  socklen_t salen = sizeof sa;
  getsockname(lfd, (struct sockaddr *)&sa, &salen);
  printf("listening port=%d\n", ntohs(sa.sin_port));
  fflush(stdout);

  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd};
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);

  unsigned char *buf = malloc((size_t)read_size);
  struct epoll_event events[1024];
  uint64_t lines = 0, bytes = 0;
  long long accepted = 0, open_now = 0, accept_errors = 0;
  int accept_paused = 0;
  int64_t first_ns = 0, last_ns = 0, deadline = hb_now_ns() + timeout_s * 1000000000LL;
  const char *why = "timeout";

  while (!stop_requested) {
    if (want_connections > 0 && accepted >= want_connections && open_now == 0) { why = "all connections closed"; break; }
    if (hb_now_ns() > deadline) break;
    int n = epoll_wait(ep, events, 1024, 200);
    if (n < 0 && errno != EINTR) { perror("hb-sink: epoll_wait"); return 1; }
    for (int e = 0; e < n; e++) {
      int fd = events[e].data.fd;
      if (fd == lfd) {
        for (;;) {
          int c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (c < 0) {
            if (errno == EMFILE || errno == ENFILE) {
              /* Out of descriptors: stop listening for readiness (level-triggered epoll would
               * spin on the pending connection) until a connection closes. */
              if (accept_errors++ == 0) perror("hb-sink: accept");
              epoll_ctl(ep, EPOLL_CTL_DEL, lfd, NULL);
              accept_paused = 1;
            } else if (errno != EAGAIN && errno != EINTR) {
              if (accept_errors++ == 0) perror("hb-sink: accept");
            }
            break;
          }
          struct epoll_event cev = {.events = EPOLLIN, .data.fd = c};
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
          accepted++;
          open_now++;
        }
        continue;
      }
      /* Drain what is there now; level-triggered epoll brings us back for the rest. */
      ssize_t r = read(fd, buf, (size_t)read_size);
      if (r > 0) {
        int64_t t = hb_now_ns();
        if (first_ns == 0) first_ns = t;
        last_ns = t;
        bytes += (uint64_t)r;
        lines += count_newlines(buf, (size_t)r);
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close(fd); /* also removes it from the epoll set */
        open_now--;
        if (accept_paused) {
          epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
          accept_paused = 0;
        }
      }
    }
  }
  if (stop_requested) why = "signal";
  double seconds = last_ns > first_ns ? (last_ns - first_ns) / 1e9 : 0;
  printf("sink lines=%llu bytes=%llu connections=%lld still_open=%lld accept_errors=%lld first_ns=%lld "
         "last_ns=%lld seconds=%.3f rate=%.0f cpu_s=%.3f stopped=\"%s\"\n",
         (unsigned long long)lines, (unsigned long long)bytes, accepted, open_now, accept_errors,
         (long long)first_ns, (long long)last_ns, seconds, seconds > 0 ? lines / seconds : 0.0, hb_cpu_seconds(), why);
  return 0;
}
