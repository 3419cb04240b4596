// Small building blocks: fixed-buffer text, the ring, the seeded random stream.
#include <cmath>
#include <set>

#include "hb_ring.h"
#include "hb_rng.h"
#include "hb_text.h"
#include "hbtest.h"

TEST(text_formats_integers_hex_and_fixed_point) {
  hb::TextBuf<128> t;
  t.add_u32(0).add(' ').add_u32(4294967295u).add(' ').add_i32(-2147483647 - 1).add(' ').add_i32(42);
  CHECK_STR(t.c_str(), "0 4294967295 -2147483648 42");
  t.clear();
  t.add_hex(0xa1b2c3, 6).add(' ').add_hex(0x5, 8).add(' ').add_hex(0, 1).add(' ').add_hex(0xDEADBEEF, 1);
  CHECK_STR(t.c_str(), "a1b2c3 00000005 0 deadbeef");
  t.clear();
  t.add_fixed(28.25, 1).add(' ').add_fixed(-28.25, 1).add(' ').add_fixed(-0.04, 1).add(' ').add_fixed(2.5, 0);
  t.add(' ').add_fixed(1.005, 2).add(' ').add_fixed(100, 1).add(' ').add_fixed(NAN, 1).add(' ').add_fixed(-INFINITY, 1);
  CHECK_STR(t.c_str(), "28.3 -28.3 0.0 3 1.00 100.0 nan -inf");
}

TEST(text_truncates_instead_of_overflowing) {
  hb::TextBuf<8> t;
  t.add("0123456789");
  CHECK_STR(t.c_str(), "0123456");
  CHECK(t.truncated());
  CHECK_EQ(t.size(), static_cast<size_t>(7));
  t.add_u32(99);
  CHECK_STR(t.c_str(), "0123456");
}

TEST(parse_u32_takes_only_whole_unsigned_32_bit_numbers) {
  uint32_t v = 7;
  CHECK(hb::parse_u32("4294967295", &v) && v == 4294967295u);
  CHECK(hb::parse_u32("007", &v) && v == 7);
  CHECK(!hb::parse_u32("4294967296", &v));
  CHECK(!hb::parse_u32("", &v));
  CHECK(!hb::parse_u32("-1", &v));
  CHECK(!hb::parse_u32("12a", &v));
}

TEST(ring_keeps_order_and_evicts_the_oldest_when_full) {
  hb::Ring<int, 3> ring;
  int evicted = -1;
  CHECK(!ring.push(1, &evicted));
  CHECK(!ring.push(2, &evicted));
  CHECK(!ring.push(3, &evicted));
  CHECK(ring.full());
  CHECK(ring.push(4, &evicted));
  CHECK_EQ(evicted, 1);
  CHECK_EQ(ring.size(), static_cast<size_t>(3));
  CHECK_EQ(ring.at(0), 2);
  CHECK_EQ(ring.at(2), 4);
  ring.pop_front();
  CHECK_EQ(ring.front(), 3);
  for (int i = 5; i < 100; i++) ring.push(i, nullptr);  // wraps many times
  CHECK_EQ(ring.at(0), 97);
  CHECK_EQ(ring.at(1), 98);
  CHECK_EQ(ring.at(2), 99);
  ring.clear();
  CHECK(ring.empty());
  ring.pop_front();  // harmless when empty
  CHECK(ring.empty());
}

TEST(rng_replays_the_same_stream_for_the_same_seed) {
  hb::Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; i++) {
    uint32_t x = a.next();
    CHECK_EQ(x, b.next());
    differs = differs || x != c.next();
  }
  CHECK(differs);
}

TEST(rng_up_to_stays_in_range_and_covers_it) {
  hb::Rng rng(hbtest::seed());
  std::set<uint32_t> seen;
  for (int i = 0; i < 2000; i++) {
    uint32_t v = rng.up_to(9);
    CHECK(v <= 9);
    seen.insert(v);
  }
  CHECK_EQ(seen.size(), static_cast<size_t>(10));
  CHECK_EQ(rng.up_to(0), 0u);
}

TEST(rng_chance_follows_its_probability) {
  hb::Rng rng(hbtest::seed());
  int hits = 0;
  for (int i = 0; i < 100000; i++) hits += rng.chance(100000) ? 1 : 0;  // p = 0.1
  CHECK(hits > 9000 && hits < 11000);
  CHECK(!rng.chance(0));
  CHECK(rng.chance(1000000));
}
