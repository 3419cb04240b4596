// Exponential backoff with full jitter: the ceiling doubles up to the cap, every delay lies in
// [0, ceiling], the delays spread over that range, and a stable connection starts over.
#include "hb_backoff.h"
#include "hbtest.h"

TEST(backoff_ceiling_doubles_up_to_the_cap) {
  hb::Backoff backoff(500, 30000);
  hb::Rng rng(1);
  const uint32_t expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
  for (uint32_t want : expected) {
    CHECK_EQ(backoff.ceiling(), want);
    backoff.next_delay(rng);
  }
  backoff.reset();
  CHECK_EQ(backoff.ceiling(), 500u);
  CHECK_EQ(backoff.attempt(), 0u);
}

TEST(backoff_delays_are_full_jitter_under_the_ceiling) {
  hb::Rng rng(hbtest::seed());
  for (uint32_t attempt = 0; attempt < 8; attempt++) {
    SCOPE("attempt " + std::to_string(attempt));
    uint64_t sum = 0;
    uint32_t lowest = 0xFFFFFFFF, highest = 0;
    const int draws = 2000;
    uint32_t ceiling = 0;
    for (int i = 0; i < draws; i++) {
      hb::Backoff backoff(100, 5000);
      for (uint32_t k = 0; k < attempt; k++) backoff.next_delay(rng);
      ceiling = backoff.ceiling();
      uint32_t d = backoff.next_delay(rng);
      CHECK(d <= ceiling);
      sum += d;
      lowest = d < lowest ? d : lowest;
      highest = d > highest ? d : highest;
    }
    double mean = static_cast<double>(sum) / draws;
    // Uniform on [0, c]: mean c/2, and 2000 draws reach both ends of the range.
    CHECK(mean > ceiling * 0.45 && mean < ceiling * 0.55);
    CHECK(lowest < ceiling / 20 + 1);
    CHECK(highest > ceiling - ceiling / 20 - 1);
  }
}

TEST(backoff_cap_below_base_is_raised_to_base) {
  hb::Backoff backoff(1000, 10);
  hb::Rng rng(3);
  for (int i = 0; i < 5; i++) CHECK(backoff.next_delay(rng) <= 1000);
  CHECK_EQ(backoff.ceiling(), 1000u);
}

TEST(backoff_attempts_do_not_overflow_after_a_long_outage) {
  hb::Backoff backoff(3600000, 3600000);
  hb::Rng rng(9);
  for (int i = 0; i < 100; i++) CHECK(backoff.next_delay(rng) <= 3600000u);
}
