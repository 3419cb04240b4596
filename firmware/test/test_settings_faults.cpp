// The EEPROM image of the settings, and the fault vocabulary's parsing and decisions.
#include <cstring>
#include <vector>

#include "hb_faults.h"
#include "hb_settings.h"
#include "hbtest.h"

namespace {
hb::Settings sample() {
  hb::Settings s;
  hb::default_settings(0xa1b2c3, &s);
  std::strcpy(s.ssid, "Lab Wi-Fi");
  std::strcpy(s.password, "correct horse");
  std::strcpy(s.host, "192.168.1.10");
  s.port = 6060;
  s.interval_ms = 250;
  s.mode = hb::DeliveryMode::kBuffered;
  std::strcpy(s.device, "node-07");
  s.seed = 99;
  s.backoff_base_ms = 100;
  s.backoff_cap_ms = 2000;
  return s;
}
}  // namespace

TEST(defaults_name_the_device_after_its_chip) {
  hb::Settings s;
  hb::default_settings(0xa1b2c3, &s);
  CHECK_STR(s.device, "esp-a1b2c3");
  CHECK_STR(s.host, "");
  CHECK_EQ(s.port, 5050);
  CHECK_EQ(s.interval_ms, 5000u);
  CHECK(s.mode == hb::DeliveryMode::kAck);
  hb::default_settings(0x1234, &s);
  CHECK_STR(s.device, "esp-001234");
}

TEST(settings_survive_the_eeprom_round_trip) {
  hb::Settings s = sample();
  uint8_t image[hb::kSettingsImageSize];
  hb::encode_settings(s, image);
  hb::Settings back;
  CHECK(hb::decode_settings(image, 0xa1b2c3, &back) == hb::SettingsLoad::kLoaded);
  CHECK_STR(back.ssid, "Lab Wi-Fi");
  CHECK_STR(back.password, "correct horse");
  CHECK_STR(back.host, "192.168.1.10");
  CHECK_EQ(back.port, 6060);
  CHECK_EQ(back.interval_ms, 250u);
  CHECK(back.mode == hb::DeliveryMode::kBuffered);
  CHECK_STR(back.device, "node-07");
  CHECK_EQ(back.seed, 99u);
  CHECK_EQ(back.backoff_base_ms, 100u);
  CHECK_EQ(back.backoff_cap_ms, 2000u);
}

TEST(erased_or_damaged_eeprom_gives_the_defaults_and_says_so) {
  uint8_t image[hb::kSettingsImageSize];
  hb::Settings back;
  std::memset(image, 0xFF, sizeof(image));
  CHECK(hb::decode_settings(image, 0xa1b2c3, &back) == hb::SettingsLoad::kEmpty);
  CHECK_STR(back.device, "esp-a1b2c3");
  hb::encode_settings(sample(), image);
  for (size_t i = 0; i < sizeof(image); i += 37) {
    uint8_t copy[hb::kSettingsImageSize];
    std::memcpy(copy, image, sizeof(copy));
    copy[i] ^= 0x10;
    SCOPE("bit flipped in byte " + std::to_string(i));
    CHECK(hb::decode_settings(copy, 0xa1b2c3, &back) == hb::SettingsLoad::kDamaged);
    CHECK_STR(back.host, "");
  }
}

TEST(probabilities_parse_as_decimals_from_0_to_1) {
  struct Case {
    const char* text;
    bool ok;
    uint32_t ppm;
  } cases[] = {
      {"0.1", true, 100000}, {"1", true, 1000000}, {"1.0", true, 1000000}, {"0", true, 0},
      {"0.000001", true, 1}, {"0.25", true, 250000}, {"1.5", false, 0}, {"2", false, 0},
      {"0.0000001", false, 0}, {".5", false, 0}, {"5.", false, 0}, {"-0.1", false, 0},
      {"", false, 0}, {"0.1x", false, 0}, {"10", false, 0},
  };
  for (const Case& c : cases) {
    SCOPE(c.text);
    uint32_t ppm = 12345;
    CHECK_EQ(hb::parse_probability(c.text, &ppm), c.ok);
    if (c.ok) CHECK_EQ(ppm, c.ppm);
  }
  hb::TextBuf<32> t;
  hb::add_probability(t, 100000);
  t.add(' ');
  hb::add_probability(t, 1000000);
  t.add(' ');
  hb::add_probability(t, 1);
  t.add(' ');
  hb::add_probability(t, 250000);
  CHECK_STR(t.c_str(), "0.1 1 0.000001 0.25");
}

TEST(faults_are_set_described_and_cleared_by_name) {
  hb::Faults faults;
  hb::TextBuf<128> why;
  const char* drop[] = {"p=0.1"};
  CHECK(faults.set(hb::Fault::kDrop, drop, 1, why));
  CHECK(faults.set(hb::Fault::kSilence, nullptr, 0, why));
  const char* coalesce[] = {"n=4"};
  CHECK(faults.set(hb::Fault::kCoalesce, coalesce, 1, why));
  CHECK(faults.set(hb::Fault::kReboot, nullptr, 0, why));  // p omitted: 1
  hb::TextBuf<128> all;
  faults.describe_all(all);
  CHECK_STR(all.c_str(), "drop:p=0.1,coalesce:n=4,silence,reboot:p=1");
  faults.clear(hb::Fault::kDrop);
  CHECK(!faults.active(hb::Fault::kDrop));
  faults.clear_all();
  all.clear();
  faults.describe_all(all);
  CHECK_STR(all.c_str(), "none");
}

TEST(fault_parameters_also_take_the_simulators_names) {
  hb::Faults faults;
  hb::TextBuf<128> why;
  const char* coalesce[] = {"count=4"};
  CHECK(faults.set(hb::Fault::kCoalesce, coalesce, 1, why));
  const char* slow[] = {"delay=250"};
  CHECK(faults.set(hb::Fault::kSlowConnect, slow, 1, why));
  hb::TextBuf<128> all;
  faults.describe_all(all);
  CHECK_STR(all.c_str(), "coalesce:n=4,slow_connect:ms=250");
}

TEST(fault_parameters_are_checked_with_a_reason) {
  hb::Faults faults;
  struct Case {
    hb::Fault fault;
    const char* param;
    const char* reason;
  } cases[] = {
      {hb::Fault::kDrop, "p=1.5", "drop p must be a probability from 0 to 1 (at most 6 decimals), got '1.5'"},
      {hb::Fault::kDrop, "q=0.1", "drop takes p=<value>, got 'q=0.1'"},
      {hb::Fault::kCoalesce, "n=1", "coalesce n must be a whole number from 2 to 16, got '1'"},
      {hb::Fault::kSilence, "p=1", "silence takes no parameters, got 'p=1'"},
      {hb::Fault::kSlowConnect, "ms=abc", "slow_connect ms must be a whole number from 1 to 600000, got 'abc'"},
  };
  for (const Case& c : cases) {
    SCOPE(c.param);
    hb::TextBuf<160> why;
    const char* params[] = {c.param};
    CHECK(!faults.set(c.fault, params, 1, why));
    CHECK_STR(why.c_str(), c.reason);
    CHECK(!faults.active(c.fault));
  }
}

TEST(fault_decisions_replay_with_the_same_seed) {
  hb::Faults faults;
  hb::TextBuf<64> why;
  const char* p[] = {"p=0.3"};
  REQUIRE(faults.set(hb::Fault::kDrop, p, 1, why));
  std::vector<bool> first, second;
  hb::Rng a(7), b(7);
  for (int i = 0; i < 200; i++) first.push_back(faults.fires(hb::Fault::kDrop, a));
  for (int i = 0; i < 200; i++) second.push_back(faults.fires(hb::Fault::kDrop, b));
  CHECK(first == second);
  int fired = 0;
  for (bool f : first) fired += f ? 1 : 0;
  CHECK(fired > 30 && fired < 90);
  // A fault that is off never fires and never draws.
  hb::Rng c(7), d(7);
  CHECK(!faults.fires(hb::Fault::kCorrupt, c));
  CHECK_EQ(c.next(), d.next());
}
