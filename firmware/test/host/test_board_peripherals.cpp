// The simulated peripherals a sketch reaches: DHT, Wi-Fi association, EEPROM file, UART pacing.
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "../../host/runtime/uart.h"
#include "Arduino.h"
#include "DHT.h"
#include "EEPROM.h"
#include "ESP8266WiFi.h"
#include "hbtest.h"
#include "host_fixture.h"
#include "wait.h"

TEST(dht_reads_the_side_channel_values_in_tenths_and_caches_for_two_seconds) {
  hb_host::SharedState& state = hbtest::board_state();
  state.temperature.store(23.45f);
  state.humidity.store(41.04f);
  DHT dht(D2, DHT11);
  dht.begin();
  CHECK_EQ(dht.readTemperature(), 23.5f);
  CHECK_EQ(dht.readHumidity(), 41.0f);
  CHECK(std::fabs(dht.readTemperature(true) - 74.3f) < 1e-4);
  state.temperature.store(30.0f);
  CHECK_EQ(dht.readTemperature(), 23.5f);        // within 2 s: the library's cached reading
  CHECK_EQ(dht.readTemperature(false, true), 30.0f);  // forced: a new one
  state.sensor_fail.store(true);
  CHECK(std::isnan(dht.readTemperature(false, true)));
  CHECK(std::isnan(dht.readHumidity()));
  state.sensor_fail.store(false);
  CHECK_EQ(dht.readHumidity(true), 41.0f);
}

TEST(dht_heat_index_follows_the_noaa_formula) {
  DHT dht(D2, DHT22);
  CHECK(std::fabs(dht.computeHeatIndex(30.0f, 70.0f, false) - 35.0f) < 0.5f);  // NOAA table: 35 C
  CHECK(std::fabs(dht.computeHeatIndex(70.0f, 50.0f, true) - 69.05f) < 0.01f);  // Steadman below 80 F
}

TEST(wifi_associates_after_a_short_delay_and_follows_the_side_channel) {
  hb_host::SharedState& state = hbtest::board_state();
  ESP8266WiFiClass wifi;
  CHECK_EQ(wifi.status(), WL_IDLE_STATUS);
  auto start = std::chrono::steady_clock::now();
  wifi.begin("any-ssid", "any-password");
  CHECK_EQ(wifi.status(), WL_DISCONNECTED);
  hbtest::wait_until([&] { return wifi.status() == WL_CONNECTED; }, 2000, "association");
  CHECK(hbtest::elapsed_ms(start) >= 240);
  CHECK_STR(wifi.localIP().toString().c_str(), "127.0.0.1");
  CHECK_STR(wifi.SSID().c_str(), "any-ssid");
  state.wifi_up.store(false);
  CHECK_EQ(wifi.status(), WL_DISCONNECTED);
  CHECK(!wifi.localIP().isSet());
  state.wifi_up.store(true);
  CHECK_EQ(wifi.status(), WL_DISCONNECTED);  // associating again
  hbtest::wait_until([&] { return wifi.status() == WL_CONNECTED; }, 2000, "re-association after wifi up");
}

TEST(eeprom_lives_in_its_file_across_begin_and_commit) {
  hbtest::board_state();
  std::string path = hbtest::temp_path("eeprom");
  hb_host::chip_context().eeprom_path = path;
  {
    EEPROMClass eeprom;
    eeprom.begin(64);
    CHECK_EQ(eeprom.read(10), 0xFF);  // erased
    eeprom.write(10, 0x42);
    uint32_t value = 0xA1B2C3D4;
    eeprom.put(20, value);
    CHECK(eeprom.commit());
  }
  EEPROMClass again;
  again.begin(64);
  CHECK_EQ(again.read(10), 0x42);
  uint32_t back = 0;
  CHECK_EQ(again.get(20, back), 0xA1B2C3D4u);
  CHECK_EQ(again.read(64), 0);  // outside the sector
  hb_host::chip_context().eeprom_path.clear();
  std::remove(path.c_str());
}

namespace {
struct TestPty {
  int master = -1, slave = -1;
  TestPty() {
    master = posix_openpt(O_RDWR | O_NOCTTY);
    grantpt(master);
    unlockpt(master);
    slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    termios tio;
    tcgetattr(slave, &tio);
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(slave, F_SETFL, fcntl(slave, F_GETFL) | O_NONBLOCK);
  }
  ~TestPty() {
    close(master);
    close(slave);
  }
  std::string drain() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(slave, buf, sizeof(buf))) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
  }
};
}  // namespace

TEST(uart_paces_output_at_the_baud_rate) {
  TestPty pty;
  hb_host::Uart uart(pty.master, pty.slave, 115200);  // 11520 bytes/s
  std::string data(128 + 2304, 'x');               // a FIFO's burst, then 0.2 s on the wire
  std::string got;
  auto start = std::chrono::steady_clock::now();
  uart.write(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  long ms = hbtest::elapsed_ms(start);
  got = pty.drain();
  CHECK(ms >= 180 && ms < 1500);  // 2304 / 11520 B/s = 200 ms; the upper bound only catches a stuck UART
  CHECK_EQ(got.size(), data.size());
}

TEST(uart_paces_input_at_the_baud_rate) {
  TestPty pty;
  hb_host::Uart uart(pty.master, pty.slave, 115200);
  std::string data(1280, 'y');
  CHECK_EQ(write(pty.slave, data.data(), data.size()), static_cast<ssize_t>(data.size()));
  auto start = std::chrono::steady_clock::now();
  size_t total = 0;
  uint8_t buf[512];
  hbtest::wait_until([&] {
    total += uart.read(buf, sizeof(buf));
    return total == data.size();
  }, 2000, "1280 bytes through a 115200 baud UART");
  long ms = hbtest::elapsed_ms(start);
  CHECK(ms >= 90 && ms < 1500);  // (1280 - 128 burst) / 11520 B/s = 100 ms
}

TEST(uart_output_never_blocks_when_nobody_reads) {
  TestPty pty;
  hb_host::Uart uart(pty.master, pty.slave, 0);
  std::string chunk(1000, 'z');
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 200; i++) uart.write(reinterpret_cast<const uint8_t*>(chunk.data()), chunk.size());
  std::string last = "the newest output survives\n";
  uart.write(reinterpret_cast<const uint8_t*>(last.data()), last.size());
  CHECK(hbtest::elapsed_ms(start) < 1000);
  std::string got = pty.drain();
  CHECK(got.size() < 200000);  // the oldest was dropped
  CHECK(got.size() >= last.size() && got.substr(got.size() - last.size()) == last);
}
