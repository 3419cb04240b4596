/* Opening many loopback connections at once, spread over several 127.x source addresses. */
#ifndef HB_CONNECT_H
#define HB_CONNECT_H

#include <stdint.h>

typedef struct {
  const char *host;     /* server address, IPv4 */
  int port;
  int sources;          /* source addresses 127.0.0.1 .. 127.0.0.<sources> (1..254) */
  int inflight;         /* handshakes in progress at most, so a small accept backlog is not flooded */
  int nodelay;          /* TCP_NODELAY: one write() is one segment */
  int timeout_s;        /* give up on handshakes still pending after this long */
} hb_connect_opts;

typedef struct {
  int *fds;             /* the connected, non-blocking sockets */
  int connected;
  int failed;           /* handshakes that failed or timed out */
  int stopped_early;    /* a socket could not even be created (e.g. EMFILE): no more were tried */
  char first_error[160];
} hb_connect_result;

/* Opens up to n connections; returns how many are connected. Never exits on a network error:
 * the idle benchmark wants to know exactly what stopped it. */
int hb_connect_all(const hb_connect_opts *o, int n, hb_connect_result *res);

#endif
