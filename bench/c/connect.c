/*
 * Opens many connections without blocking on each one: up to `inflight` non-blocking connects
 * are in progress at a time and epoll says when each completes. Each socket is bound to one of
 * several 127.0.0.x source addresses first (with IP_BIND_ADDRESS_NO_PORT, so the port is chosen
 * per 4-tuple at connect time): one source address alone gives only ~28,000 ephemeral ports, and
 * TIME_WAIT from the previous run holds some of them.
 */
#define _GNU_SOURCE
#include "connect.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common.h"

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif

static void note_error(hb_connect_result *res, const char *what, int err) {
  if (res->first_error[0] == 0) {
    snprintf(res->first_error, sizeof res->first_error, "%s: %s (errno %d)", what, strerror(err), err);
  }
}

/* Starts one non-blocking connect; returns the socket, or -1 with errno set. */
static int start_connect(const hb_connect_opts *o, int index, const struct sockaddr_in *dst,
                         hb_connect_result *res) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  if (o->nodelay) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
  struct sockaddr_in src = {.sin_family = AF_INET, .sin_port = 0};
  src.sin_addr.s_addr = htonl(0x7F000001u + (uint32_t)(index % o->sources));
  if (bind(fd, (struct sockaddr *)&src, sizeof src) != 0) {
    note_error(res, "bind to a 127.x source address", errno);
    close(fd);
    errno = 0;
    return -2;
  }
  if (connect(fd, (const struct sockaddr *)dst, sizeof *dst) != 0 && errno != EINPROGRESS) {
    note_error(res, "connect", errno);
    close(fd);
    errno = 0;
    return -2;
  }
  return fd;
}

int hb_connect_all(const hb_connect_opts *o, int n, hb_connect_result *res) {
  memset(res, 0, sizeof *res);
  res->fds = calloc((size_t)(n > 0 ? n : 1), sizeof(int));
  struct sockaddr_in dst = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
  if (inet_pton(AF_INET, o->host, &dst.sin_addr) != 1) {
    snprintf(res->first_error, sizeof res->first_error, "--host %s is not an IPv4 address", o->host);
    res->stopped_early = 1;
    return 0;
  }
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event events[256];
  int started = 0, pending = 0;
  int64_t deadline = hb_now_ns() + (int64_t)o->timeout_s * 1000000000LL;

  while ((started < n && !res->stopped_early) || pending > 0) {
    while (started < n && !res->stopped_early && pending < o->inflight) {
      int fd = start_connect(o, started, &dst, res);
      if (fd == -1) {
        /* Out of descriptors (EMFILE) or memory: this is the limit the idle benchmark reports. */
        note_error(res, "socket", errno);
        res->stopped_early = 1;
        break;
      }
      started++;
      if (fd == -2) { res->failed++; continue; }
      struct epoll_event ev = {.events = EPOLLOUT, .data.fd = fd};
      epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
      pending++;
    }
    if (pending == 0) continue;
    if (hb_now_ns() > deadline) {
      char msg[80];
      snprintf(msg, sizeof msg, "%d handshakes still pending after %d s", pending, o->timeout_s);
      if (res->first_error[0] == 0) snprintf(res->first_error, sizeof res->first_error, "%s", msg);
      res->failed += pending;
      break; /* their sockets are leaked on purpose: the process is about to report and exit */
    }
    int k = epoll_wait(ep, events, 256, 100);
    for (int e = 0; e < k; e++) {
      int fd = events[e].data.fd;
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
      pending--;
      if (err != 0) {
        note_error(res, "connect", err);
        res->failed++;
        close(fd);
      } else {
        res->fds[res->connected++] = fd;
      }
    }
  }
  close(ep);
  return res->connected;
}
