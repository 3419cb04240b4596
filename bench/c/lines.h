/*
 * Classroom reading lines for the load generator: `seq,millis,temperature,humidity` + CR LF, as
 * the NodeMCU sketch's client.println() sends them. Each simulated node keeps its own seq (from
 * 0, +1 per line, so the server sees neither gaps nor duplicates), its uptime (+5 s per reading,
 * the sketch's interval, with a little jitter) and sensor values that wander like a DHT11's,
 * with one decimal. Everything comes from a seeded xorshift generator: the same seed gives the
 * same bytes. Header-only because it sits on the generator's hot path.
 */
#ifndef HB_LINES_H
#define HB_LINES_H

#include <stdint.h>
#include <string.h>

typedef struct {
  uint32_t seq;
  uint32_t millis;
  int temp_tenths; /* 18.0 .. 32.0 degC */
  int hum_tenths;  /* 30.0 .. 80.0 % */
  uint64_t rng;
} hb_node;

/* Longest line hb_format_line writes: 10 + 1 + 10 + 1 + 5 + 1 + 5 + 2. */
#define HB_MAX_LINE 40

static inline uint64_t hb_xorshift(uint64_t *s) {
  uint64_t x = *s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *s = x;
}

static inline void hb_node_init(hb_node *n, uint64_t seed, uint32_t index) {
  n->rng = (seed ^ (0x9E3779B97F4A7C15ULL * (index + 1))) | 1;
  for (int i = 0; i < 4; i++) hb_xorshift(&n->rng);
  n->seq = 0;
  n->millis = 2000 + (uint32_t)(hb_xorshift(&n->rng) % 3000); /* boot + Wi-Fi join */
  n->temp_tenths = 180 + (int)(hb_xorshift(&n->rng) % 141);
  n->hum_tenths = 300 + (int)(hb_xorshift(&n->rng) % 501);
}

static inline char *hb_put_uint(char *p, uint32_t v) {
  char tmp[10];
  int n = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) *p++ = tmp[--n];
  return p;
}

static inline char *hb_put_tenths(char *p, int tenths) {
  if (tenths < 0) { *p++ = '-'; tenths = -tenths; }
  p = hb_put_uint(p, (uint32_t)(tenths / 10));
  *p++ = '.';
  *p++ = (char)('0' + tenths % 10);
  return p;
}

static inline int hb_clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Writes the node's next reading line into out (HB_MAX_LINE bytes of room); returns its length. */
static inline int hb_format_line(hb_node *n, char *out) {
  uint64_t r = hb_xorshift(&n->rng);
  char *p = hb_put_uint(out, n->seq);
  *p++ = ',';
  p = hb_put_uint(p, n->millis);
  *p++ = ',';
  p = hb_put_tenths(p, n->temp_tenths);
  *p++ = ',';
  p = hb_put_tenths(p, n->hum_tenths);
  *p++ = '\r';
  *p++ = '\n';
  n->seq++;
  n->millis += 5000 + (uint32_t)(r % 40);
  n->temp_tenths = hb_clamp(n->temp_tenths + (int)((r >> 8) % 3) - 1, 180, 320);
  n->hum_tenths = hb_clamp(n->hum_tenths + (int)((r >> 16) % 5) - 2, 300, 800);
  return (int)(p - out);
}

#endif
