/*
 * hb-loadgen: the load generator for the server benchmarks. Opens N connections (spread over
 * 127.x source addresses), each a simulated node that first says hello with its own device id,
 * then runs one of three shapes:
 *
 *   bulk   every node's lines are formatted before the clock starts, then streamed with big
 *          write()s as fast as the receiver takes them (throughput of framing + parsing + store).
 *   fleet  one line per write() (TCP_NODELAY: one segment each), round robin over thousands of
 *          connections, flat out or paced to --rate lines/s: the realistic, expensive shape.
 *   idle   connect, say hello, send --first-lines readings, then hold the connections open and
 *          silent until --hold seconds pass or SIGINT/SIGTERM: how many can a receiver hold?
 *
 * Every run is bounded by --lines and --duration. At the end the generator half-closes every
 * connection and waits (up to --drain-timeout) for the receiver to close its side, which it does
 * once it has read everything: drained_ns is then when the receiver finished reading.
 * The figures come out as one line of key=value pairs (see print_summary).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common.h"
#include "connect.h"
#include "lines.h"

static const char *PROG = "hb-loadgen";
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig) {
  (void)sig;
  stop_requested = 1;
}

typedef enum { MODE_BULK, MODE_FLEET, MODE_IDLE } mode_t_;

typedef struct {
  mode_t_ mode;
  const char *mode_name;
  hb_connect_opts net;
  int connections;
  long long lines;        /* total readings to send (bulk, fleet) */
  double duration_s;      /* stop sending after this long whatever --lines says */
  long long rate;         /* fleet: lines/s over all connections; 0 = flat out */
  long long write_size;   /* bulk: bytes per write() */
  int hello;              /* send a #hello line first on each connection */
  const char *device_prefix;
  uint64_t seed;
  long long first_lines;  /* idle: readings each connection sends before going silent */
  double hold_s;          /* idle: how long to hold the connections */
  int drain_timeout_s;
} config;

typedef struct {
  long long lines;        /* readings written completely */
  long long hellos;
  long long bytes;
  long long write_errors;
  long long peer_closed;  /* connections the receiver closed while we were sending or holding */
  int64_t start_ns, end_ns, drained_ns;
  int drained;            /* connections whose receiver closed its side after our FIN */
  char note[160];
} figures;

static void usage(FILE *out) {
  fprintf(out,
      "usage: hb-loadgen --port P --mode bulk|fleet|idle [options]\n"
      "  --host ADDR          receiver address (default 127.0.0.1)\n"
      "  --port P             receiver port (required)\n"
      "  --mode M             bulk, fleet or idle (required)\n"
      "  --connections N      connections, one simulated node each (default 8)\n"
      "  --sources K          source addresses 127.0.0.1..127.0.0.K (default 16)\n"
      "  --lines N            readings to send over all connections, k/m suffixes (default 10m)\n"
      "  --duration S         stop sending after S seconds at most (default 60)\n"
      "  --rate R             fleet: readings/s over all connections, 0 = flat out (default 0)\n"
      "  --write-size B       bulk: bytes per write() (default 262144)\n"
      "  --no-hello           do not send '#hello device=... boot=...' first\n"
      "  --device-prefix X    device ids are X-0, X-1, ... (default hb)\n"
      "  --seed S             seed of the sensor values (default 1)\n"
      "  --first-lines K      idle: readings each connection sends before going silent (default 1)\n"
      "  --hold S             idle: hold the connections S seconds, 0 = until SIGTERM (default 600)\n"
      "  --connect-timeout S  give up on handshakes still pending after S s (default 60)\n"
      "  --drain-timeout S    wait S s for the receiver to close after our FIN (default 120)\n"
      "  Output: one line 'loadgen mode=... lines=... rate=... drained_ns=...' (key=value).\n"
      "  Idle mode prints 'ready connected=N' once the connections are open.\n");
}

static void parse(int argc, char **argv, config *c) {
  *c = (config){.mode = -1, .net = {.host = "127.0.0.1", .port = -1, .sources = 16, .inflight = 256,
                 .timeout_s = 60},
                .connections = 8, .lines = 10000000, .duration_s = 60, .write_size = 262144,
                .hello = 1, .device_prefix = "hb", .seed = 1, .first_lines = 1, .hold_s = 600,
                .drain_timeout_s = 120};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); exit(0); }
    if (!strcmp(a, "--no-hello")) { c->hello = 0; continue; }
    if (i + 1 >= argc) { usage(stderr); fprintf(stderr, "%s: %s needs a value\n", PROG, a); exit(2); }
    const char *v = argv[++i];
    if (!strcmp(a, "--host")) c->net.host = v;
    else if (!strcmp(a, "--port")) c->net.port = (int)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--mode")) {
      c->mode_name = v;
      if (!strcmp(v, "bulk")) c->mode = MODE_BULK;
      else if (!strcmp(v, "fleet")) c->mode = MODE_FLEET;
      else if (!strcmp(v, "idle")) c->mode = MODE_IDLE;
      else { fprintf(stderr, "%s: --mode must be bulk, fleet or idle, got '%s'\n", PROG, v); exit(2); }
    }
    else if (!strcmp(a, "--connections")) c->connections = (int)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--sources")) c->net.sources = (int)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--lines")) c->lines = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--duration")) c->duration_s = (double)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--rate")) c->rate = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--write-size")) c->write_size = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--device-prefix")) c->device_prefix = v;
    else if (!strcmp(a, "--seed")) c->seed = (uint64_t)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--first-lines")) c->first_lines = hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--hold")) c->hold_s = (double)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--connect-timeout")) c->net.timeout_s = (int)hb_parse_count(PROG, a, v);
    else if (!strcmp(a, "--drain-timeout")) c->drain_timeout_s = (int)hb_parse_count(PROG, a, v);
    else { usage(stderr); fprintf(stderr, "%s: unknown option %s\n", PROG, a); exit(2); }
  }
  if (c->net.port < 1 || c->net.port > 65535) { usage(stderr); hb_die(PROG, "--port 1..65535 is required"); }
  if ((int)c->mode < 0) { usage(stderr); hb_die(PROG, "--mode is required"); }
  if (c->connections < 1) hb_die(PROG, "--connections must be at least 1");
  if (c->net.sources < 1 || c->net.sources > 254) hb_die(PROG, "--sources must be 1..254");
  if (c->write_size < 1) hb_die(PROG, "--write-size must be at least 1");
  c->net.nodelay = c->mode != MODE_BULK;
}

/* Writes all of buf on a non-blocking socket, waiting briefly when its buffer is full. Only for
 * the few bytes sent outside the timed loops (hello, idle mode's first lines). */
static int write_fully(int fd, const char *buf, int len) {
  int off = 0;
  for (int spins = 0; off < len && spins < 10000; spins++) {
    ssize_t w = write(fd, buf + off, (size_t)(len - off));
    if (w > 0) off += (int)w;
    else if (w < 0 && errno != EAGAIN && errno != EINTR) return -1;
    else usleep(100);
  }
  return off == len ? 0 : -1;
}

static void send_hellos(const config *c, int *fds, int n, uint64_t boot, figures *f) {
  if (!c->hello) return;
  char line[160];
  for (int i = 0; i < n; i++) {
    int len = snprintf(line, sizeof line, "#hello device=%s-%d fw=hb-loadgen boot=%llx ack=0\r\n",
                       c->device_prefix, i, (unsigned long long)boot);
    if (write_fully(fds[i], line, len) == 0) { f->hellos++; f->bytes += len; }
    else f->write_errors++;
  }
}

static int64_t deadline_of(const config *c, int64_t start) {
  return start + (int64_t)(c->duration_s * 1e9);
}

/* bulk: format every node's lines first, then stream them with big writes. */
static void run_bulk(const config *c, int *fds, int n, figures *f) {
  char **buf = calloc((size_t)n, sizeof *buf);
  long long *len = calloc((size_t)n, sizeof *len), *off = calloc((size_t)n, sizeof *off);
  for (int i = 0; i < n; i++) {
    long long lines = c->lines / n + (i < c->lines % n);
    hb_node node;
    hb_node_init(&node, c->seed, (uint32_t)i);
    buf[i] = malloc((size_t)(lines * HB_MAX_LINE + 1));
    char *p = buf[i];
    for (long long k = 0; k < lines; k++) p += hb_format_line(&node, p);
    len[i] = p - buf[i];
  }
  int ep = epoll_create1(EPOLL_CLOEXEC);
  int active = 0;
  for (int i = 0; i < n; i++) {
    if (len[i] == 0) { shutdown(fds[i], SHUT_WR); continue; }
    struct epoll_event ev = {.events = EPOLLOUT, .data.u32 = (uint32_t)i};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
    active++;
  }
  struct epoll_event events[64];
  f->start_ns = hb_now_ns();
  int64_t deadline = deadline_of(c, f->start_ns);
  while (active > 0 && !stop_requested) {
    if (hb_now_ns() > deadline) { snprintf(f->note, sizeof f->note, "stopped by --duration"); break; }
    int k = epoll_wait(ep, events, 64, 100);
    for (int e = 0; e < k; e++) {
      int i = (int)events[e].data.u32;
      long long rem = len[i] - off[i];
      ssize_t w = write(fds[i], buf[i] + off[i], (size_t)(rem < c->write_size ? rem : c->write_size));
      if (w > 0) off[i] += w;
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || off[i] == len[i]) {
        if (w < 0) { f->write_errors++; f->peer_closed++; }
        epoll_ctl(ep, EPOLL_CTL_DEL, fds[i], NULL);
        shutdown(fds[i], SHUT_WR);
        active--;
      }
    }
  }
  f->end_ns = hb_now_ns();
  for (int i = 0; i < n; i++) {
    f->bytes += off[i];
    for (long long b = 0; b < off[i]; b++) f->lines += buf[i][b] == '\n';
    free(buf[i]);
  }
  close(ep);
  free(buf); free(len); free(off);
}

/* fleet: one line per write() over every connection in turn, flat out or paced. */
static void run_fleet(const config *c, int *fds, int n, figures *f) {
  typedef struct { hb_node node; char line[HB_MAX_LINE]; int len, off, dead; } conn;
  conn *cs = calloc((size_t)n, sizeof *cs);
  for (int i = 0; i < n; i++) hb_node_init(&cs[i].node, c->seed, (uint32_t)i);
  /* Edge-triggered EPOLLOUT: wakes us when a full socket buffer drains, without firing for
   * the thousands of sockets that are writable all along. */
  int ep = epoll_create1(EPOLL_CLOEXEC);
  for (int i = 0; i < n; i++) {
    struct epoll_event ev = {.events = EPOLLOUT | EPOLLET, .data.u32 = (uint32_t)i};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
  }
  struct epoll_event events[256];
  int alive = n;
  f->start_ns = hb_now_ns();
  int64_t deadline = deadline_of(c, f->start_ns), now = f->start_ns;
  long long sent = 0;
  while (sent < c->lines && alive > 0 && !stop_requested) {
    long long progress = 0;
    for (int i = 0; i < n && sent < c->lines; i++) {
      conn *k = &cs[i];
      if (k->dead) continue;
      if (c->rate > 0) { /* paced: wait until this line is due */
        for (;;) {
          now = hb_now_ns();
          long long due = (long long)((double)(now - f->start_ns) * c->rate / 1e9) + 1;
          if (sent < due || now > deadline || stop_requested) break;
          int64_t wait_ns = (int64_t)((double)(sent - due + 1) * 1e9 / c->rate);
          struct timespec ts = {0, wait_ns < 1000000 ? wait_ns : 1000000};
          nanosleep(&ts, NULL);
        }
        if (now > deadline || stop_requested) break;
      }
      if (k->len == 0) { k->len = hb_format_line(&k->node, k->line); k->off = 0; }
      ssize_t w = write(fds[i], k->line + k->off, (size_t)(k->len - k->off));
      if (w > 0) {
        k->off += (int)w;
        f->bytes += w;
        if (k->off == k->len) { k->len = 0; sent++; progress++; }
      } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
        k->dead = 1; alive--; f->write_errors++; f->peer_closed++;
      }
    }
    now = hb_now_ns();
    if (now > deadline) { snprintf(f->note, sizeof f->note, "stopped by --duration"); break; }
    if (progress == 0) epoll_wait(ep, events, 256, 10); /* every socket full: wait for room */
  }
  f->end_ns = hb_now_ns();
  f->lines = sent;
  for (int i = 0; i < n; i++) shutdown(fds[i], SHUT_WR);
  close(ep);
  free(cs);
}

/* idle: a few lines each, then silence; watch for the receiver closing connections. */
static void run_idle(const config *c, int *fds, int n, figures *f) {
  for (int i = 0; i < n; i++) {
    hb_node node;
    hb_node_init(&node, c->seed, (uint32_t)i);
    for (long long k = 0; k < c->first_lines; k++) {
      char line[HB_MAX_LINE];
      int len = hb_format_line(&node, line);
      if (write_fully(fds[i], line, len) == 0) { f->lines++; f->bytes += len; }
      else f->write_errors++;
    }
  }
  printf("ready connected=%d\n", n);
  fflush(stdout);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  for (int i = 0; i < n; i++) {
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.u32 = (uint32_t)i};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
  }
  f->start_ns = hb_now_ns();
  int64_t until = c->hold_s > 0 ? f->start_ns + (int64_t)(c->hold_s * 1e9) : INT64_MAX;
  struct epoll_event events[256];
  char sink[4096];
  while (!stop_requested && hb_now_ns() < until) {
    int k = epoll_wait(ep, events, 256, 200);
    for (int e = 0; e < k; e++) {
      int i = (int)events[e].data.u32;
      ssize_t r = read(fds[i], sink, sizeof sink);
      if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
        epoll_ctl(ep, EPOLL_CTL_DEL, fds[i], NULL);
        f->peer_closed++;
      }
    }
  }
  f->end_ns = hb_now_ns();
  close(ep);
  for (int i = 0; i < n; i++) shutdown(fds[i], SHUT_WR);
}

/* Waits until the receiver has closed its side of every connection (it read our FIN, so it read
 * everything before it), discarding whatever it sends (acks, nothing else is expected). */
static void drain(const config *c, int *fds, int n, figures *f) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  for (int i = 0; i < n; i++) {
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.u32 = (uint32_t)i};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
  }
  int open_count = n;
  int64_t deadline = hb_now_ns() + (int64_t)c->drain_timeout_s * 1000000000LL;
  struct epoll_event events[256];
  char sink[4096];
  while (open_count > 0 && hb_now_ns() < deadline && !stop_requested) {
    int k = epoll_wait(ep, events, 256, 100);
    for (int e = 0; e < k; e++) {
      int i = (int)events[e].data.u32;
      ssize_t r = read(fds[i], sink, sizeof sink);
      if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
        epoll_ctl(ep, EPOLL_CTL_DEL, fds[i], NULL);
        open_count--;
        f->drained++;
        f->drained_ns = hb_now_ns();
      }
    }
  }
  close(ep);
}

static void print_summary(const config *c, const hb_connect_result *cr, const figures *f) {
  double seconds = f->end_ns > f->start_ns ? (f->end_ns - f->start_ns) / 1e9 : 0;
  printf("loadgen mode=%s connections=%d connect_failed=%d connect_stopped_early=%d "
         "lines=%lld hellos=%lld bytes=%lld write_errors=%lld peer_closed=%lld drained=%d "
         "start_ns=%lld end_ns=%lld drained_ns=%lld seconds=%.3f rate=%.0f cpu_s=%.3f "
         "first_error=\"%s\" note=\"%s\"\n",
         c->mode_name, cr->connected, cr->failed, cr->stopped_early, f->lines, f->hellos, f->bytes,
         f->write_errors, f->peer_closed, f->drained, (long long)f->start_ns, (long long)f->end_ns,
         (long long)f->drained_ns, seconds, seconds > 0 ? f->lines / seconds : 0.0, hb_cpu_seconds(),
         cr->first_error, f->note);
  fflush(stdout);
}

int main(int argc, char **argv) {
  config c;
  parse(argc, argv, &c);
  long limit = hb_raise_fd_limit();
  if (c.connections > limit - 8) {
    fprintf(stderr, "%s: note: %d connections asked, the fd limit is %ld; opening what it allows\n",
            PROG, c.connections, limit);
  }
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGPIPE, SIG_IGN);

  hb_connect_result cr;
  hb_connect_all(&c.net, c.connections, &cr);
  if (cr.connected == 0) {
    fprintf(stderr, "%s: no connection to %s:%d could be opened: %s\n", PROG, c.net.host, c.net.port,
            cr.first_error);
    return 1;
  }
  figures f = {0};
  uint64_t boot = (uint64_t)hb_now_ns() ^ ((uint64_t)getpid() << 32);
  send_hellos(&c, cr.fds, cr.connected, boot, &f);
  switch (c.mode) {
    case MODE_BULK: run_bulk(&c, cr.fds, cr.connected, &f); break;
    case MODE_FLEET: run_fleet(&c, cr.fds, cr.connected, &f); break;
    case MODE_IDLE: run_idle(&c, cr.fds, cr.connected, &f); break;
  }
  if (c.mode != MODE_IDLE) drain(&c, cr.fds, cr.connected, &f);
  print_summary(&c, &cr, &f);
  for (int i = 0; i < cr.connected; i++) close(cr.fds[i]);
  return 0;
}
