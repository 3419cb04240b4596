// The EEPROM image of the settings (the faults are test_faults.cpp's).
#include <cstring>

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
