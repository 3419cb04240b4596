// The node on fake hardware: cycles and seq, delivery modes, acks, reconnects, faults.
#include <cstdlib>
#include <string>

#include "fakes.h"
#include "hb_line_codec.h"
#include "hb_version.h"
#include "hbtest.h"

namespace {

// A node that has booted, knows its server and reads every second.
void boot(fakes::Rig& rig, const char* mode = "ack") {
  rig.node.begin();
  rig.type("interval 1000\r");
  rig.type(std::string("mode ") + mode + "\r");
  rig.type("server 10.0.0.1 5050\r");
}

uint32_t key_value(const std::string& line, const std::string& key) {
  size_t at = line.find(" " + key + "=");
  if (at == std::string::npos) return 0xFFFFFFFF;
  return static_cast<uint32_t>(std::strtoul(line.c_str() + at + key.size() + 2, nullptr, 10));
}

}  // namespace

TEST(boot_prints_identity_and_config_and_waits_for_a_server) {
  fakes::Rig rig;
  rig.node.begin();
  rig.collect();
  CHECK(rig.logged("HB boot device=esp-a1b2c3 fw=0.1.0 boot=5f3a9c01 seed=1597676547"));
  CHECK(rig.logged("HB config source=defaults server=none mode=ack interval=5000"));
  rig.run(20000, 50);
  CHECK_EQ(rig.client.connects, 0);
  CHECK(rig.logged("HB wifi up ip=10.0.0.7"));
  CHECK_EQ(rig.radio.begins, 1);
}

TEST(connects_with_a_hello_then_sends_a_reading_every_interval) {
  fakes::Rig rig;
  boot(rig);
  rig.run(3000);
  CHECK(rig.logged("HB connect ok server=10.0.0.1:5050"));
  REQUIRE(rig.client.writes.size() == 4);
  CHECK_STR(rig.client.writes[0], "#hello device=esp-a1b2c3 fw=0.1.0 boot=5f3a9c01 ack=1\r\n");
  CHECK_STR(rig.client.writes[1], "0,1000,23.4,45.0\r\n");
  CHECK_STR(rig.client.writes[2], "1,2000,23.4,45.0\r\n");
  CHECK_STR(rig.client.writes[3], "2,3000,23.4,45.0\r\n");
  CHECK(rig.logged("HB sent seq=0 millis=1000 t=23.4 h=45.0"));
  CHECK_EQ(rig.client.host, std::string("10.0.0.1"));
  CHECK_EQ(rig.client.port, 5050);
}

TEST(a_failed_sensor_read_consumes_its_seq_and_says_so) {
  fakes::Rig rig;
  boot(rig);
  rig.run(1000);
  rig.sensor.ok = false;
  rig.run(1000);
  rig.sensor.ok = true;
  rig.run(1000);
  CHECK(rig.logged("HB sensor_fail seq=1"));
  std::string wire = rig.client.all_written();
  CHECK_HAS(wire, "0,1000,");
  CHECK_LACKS(wire, "\n1,");
  CHECK_HAS(wire, "2,3000,");
}

TEST(drop_and_sensor_fail_faults_leave_gaps_explained_in_the_log) {
  fakes::Rig rig;
  boot(rig);
  rig.type("fault drop\r");
  CHECK_STR(rig.last_reply(), "OK fault drop=1");
  rig.run(1000);
  rig.type("fault clear drop\r");
  rig.type("fault sensor_fail\r");
  rig.run(1000);
  rig.type("fault clear\r");
  CHECK_STR(rig.last_reply(), "OK fault clear all");
  rig.run(1000);
  CHECK(rig.logged("HB drop seq=0 fault=drop"));
  CHECK(rig.logged("HB sensor_fail seq=1 fault=sensor_fail"));
  CHECK_EQ(rig.sensor.reads, 2);  // the injected failure does not touch the sensor
  std::string wire = rig.client.all_written();
  CHECK_LACKS(wire, "0,1000");
  CHECK_HAS(wire, "2,3000,23.4,45.0\r\n");
}

TEST(classroom_mode_loses_readings_while_not_connected) {
  fakes::Rig rig;
  rig.radio.up = false;
  boot(rig, "classroom");
  rig.run(1000);
  CHECK(rig.logged("HB lost seq=0 reason=not_connected"));
  rig.radio.up = true;
  rig.run(1000);
  CHECK_STR(rig.client.writes.at(0), "#hello device=esp-a1b2c3 fw=0.1.0 boot=5f3a9c01 ack=0\r\n");
  CHECK_STR(rig.client.writes.at(1), "1,2000,23.4,45.0\r\n");
  CHECK_EQ(rig.client.writes.size(), static_cast<size_t>(2));
}

TEST(buffered_mode_keeps_readings_until_connected_and_sends_them_in_order) {
  fakes::Rig rig;
  rig.client.accept = false;
  boot(rig, "buffered");
  rig.run(3000);
  CHECK(rig.logged("HB buffered count=1"));
  CHECK(rig.logged("HB buffered count=3"));
  CHECK(!rig.lines("HB connect fail server=10.0.0.1:5050 backoff_ms=").empty());
  rig.client.accept = true;
  rig.run(3000);
  std::string wire = rig.client.all_written();
  size_t s0 = wire.find("0,1000,"), s1 = wire.find("1,2000,"), s2 = wire.find("2,3000,");
  CHECK(s0 != std::string::npos && s1 != std::string::npos && s2 != std::string::npos);
  CHECK(s0 < s1 && s1 < s2);
  CHECK_EQ(rig.node.delivery().buffered(), static_cast<size_t>(0));
}

TEST(ack_mode_releases_acknowledged_readings_and_resends_the_rest_after_a_reconnect) {
  fakes::Rig rig;
  boot(rig, "ack");
  rig.run(3000);
  CHECK_EQ(rig.node.delivery().unacknowledged(), static_cast<size_t>(3));
  rig.client.incoming = "#ack 1\r\n";
  rig.run(10);
  CHECK(rig.logged("HB ack seq=1 released=2"));
  CHECK_EQ(rig.node.delivery().unacknowledged(), static_cast<size_t>(1));

  rig.client.writes.clear();
  rig.client.peer_closed = true;
  rig.run(10);
  std::vector<std::string> disconnects = rig.lines("HB disconnect reason=peer_closed backoff_ms=");
  REQUIRE(disconnects.size() == 1);
  CHECK(key_value(disconnects[0], "backoff_ms") <= 500);
  rig.run(600);
  REQUIRE(rig.client.writes.size() >= 2);
  CHECK_HAS(rig.client.writes[0], "#hello ");
  CHECK_STR(rig.client.writes[1], "2,3000,23.4,45.0\r\n");  // unacked: written again
  CHECK_LACKS(rig.client.all_written(), "1,2000");           // acked: not again
}

TEST(an_ack_never_releases_readings_that_were_not_written) {
  fakes::Rig rig;
  rig.client.accept = false;
  boot(rig, "ack");
  rig.run(2000);
  CHECK_EQ(rig.node.delivery().buffered(), static_cast<size_t>(2));
  rig.client.accept = true;
  rig.client.incoming = "#ack 5\r\n";  // arrives with the connection, before anything was sent
  rig.run(600);
  CHECK_HAS(rig.client.all_written(), "0,1000,");
  CHECK_HAS(rig.client.all_written(), "1,2000,");
}

TEST(reconnect_attempts_wait_a_full_jitter_backoff_that_doubles_up_to_the_cap) {
  fakes::Rig rig;
  rig.client.accept = false;
  rig.node.begin();
  rig.type("backoff 100 1000\r");
  CHECK_STR(rig.last_reply(), "OK backoff 100 1000");
  rig.type("server 10.0.0.1 5050\r");
  std::vector<uint32_t> attempts;
  int seen = 0;
  for (int i = 0; i < 8000; i++) {
    rig.run(1, 1);
    if (rig.client.connects != seen) {
      seen = rig.client.connects;
      attempts.push_back(rig.clock.now);
    }
  }
  std::vector<std::string> fails = rig.lines("HB connect fail server=10.0.0.1:5050 backoff_ms=");
  REQUIRE(attempts.size() >= 6);
  REQUIRE(fails.size() >= attempts.size() - 1);
  for (size_t i = 0; i + 1 < attempts.size(); i++) {
    SCOPE("attempt " + std::to_string(i) + ": " + fails[i]);
    uint32_t delay = key_value(fails[i], "backoff_ms");
    uint32_t ceiling = std::min<uint32_t>(1000, 100u << std::min<size_t>(i, 20));
    CHECK(delay <= ceiling);
    uint32_t waited = attempts[i + 1] - attempts[i];
    CHECK(waited >= delay && waited <= delay + 1);
  }
}

TEST(a_stable_connection_resets_the_backoff) {
  fakes::Rig rig;
  rig.node.begin();
  rig.type("backoff 100 100000\r");
  rig.type("server 10.0.0.1 5050\r");
  rig.run(10);
  // Six short-lived connections: the ceiling climbs to 100 * 2^6.
  for (int i = 0; i < 6; i++) {
    rig.client.peer_closed = true;
    rig.run(10);
    rig.run(key_value(rig.lines("HB disconnect").back(), "backoff_ms") + 20);
    REQUIRE(rig.client.open);
  }
  // One that lasts: the next delay is drawn under the base again.
  rig.run(hb::Uplink::kStableMs + 100, 50);
  rig.client.peer_closed = true;
  rig.run(10);
  CHECK(key_value(rig.lines("HB disconnect").back(), "backoff_ms") <= 100);
}

TEST(coalesce_writes_several_readings_in_one_write) {
  fakes::Rig rig;
  boot(rig, "buffered");
  rig.type("fault coalesce,count=3\r");
  CHECK_STR(rig.last_reply(), "OK fault coalesce=1,count=3");
  rig.run(3000);
  REQUIRE(rig.client.writes.size() == 2);
  CHECK_STR(rig.client.writes[1], "0,1000,23.4,45.0\r\n1,2000,23.4,45.0\r\n2,3000,23.4,45.0\r\n");
  rig.run(3000);  // with probability 1 it fires again at once
  REQUIRE(rig.client.writes.size() == 3);
  CHECK_STR(rig.client.writes[2], "3,4000,23.4,45.0\r\n4,5000,23.4,45.0\r\n5,6000,23.4,45.0\r\n");
}

TEST(coalesce_fires_with_its_probability_and_clearing_it_lets_go_at_once) {
  fakes::Rig rig;
  boot(rig, "buffered");
  rig.type("fault coalesce=0,count=3\r");
  rig.run(2000);
  CHECK_EQ(rig.client.writes.size(), static_cast<size_t>(3));  // hello and two single readings
  rig.type("fault coalesce,count=5\r");
  rig.run(2000);  // holds readings 2 and 3
  CHECK_EQ(rig.client.writes.size(), static_cast<size_t>(3));
  rig.type("fault clear coalesce\r");
  rig.run(10);
  REQUIRE(rig.client.writes.size() == 4);
  CHECK_STR(rig.client.writes[3], "2,3000,23.4,45.0\r\n3,4000,23.4,45.0\r\n");
}

TEST(silence_stops_sending_and_reading_from_the_next_cycle_without_closing) {
  fakes::Rig rig;
  boot(rig, "ack");
  rig.run(1000);
  size_t writes = rig.client.writes.size();
  rig.type("fault silence,duration=60s\r");
  CHECK_STR(rig.last_reply(), "OK fault silence=1,duration=60000");
  rig.run(1000);  // the cycle at 2000 takes reading 1, then Wi-Fi is "lost"
  CHECK(rig.logged("HB silence seq=1 duration_ms=60000"));
  rig.client.incoming = "#ack 0\r\n";
  rig.run(3000);
  CHECK_EQ(rig.client.writes.size(), writes);
  CHECK_EQ(rig.client.stops, 0);
  CHECK_EQ(rig.client.incoming, std::string("#ack 0\r\n"));  // not even read
  CHECK(!rig.lines("HB buffered").empty());
  CHECK_EQ(rig.lines("HB silence seq=").size(), static_cast<size_t>(1));  // renewed at every cycle, logged once
  rig.type("fault clear silence\r");
  CHECK(rig.logged("HB silence end"));
  rig.run(20);
  CHECK(rig.logged("HB ack seq=0 released=1"));
  CHECK_HAS(rig.client.all_written(), "1,2000,");
  CHECK_HAS(rig.client.all_written(), "4,5000,");
}

TEST(a_silence_ends_by_itself_after_its_duration) {
  fakes::Rig rig;
  boot(rig, "buffered");
  rig.run(1000);
  rig.type("fault silence,duration=500\r");
  rig.run(1490);  // silent from the cycle at 2000 until 2500
  CHECK(rig.logged("HB silence seq=1 duration_ms=500"));
  CHECK_LACKS(rig.client.all_written(), "1,2000,");
  rig.run(20);
  CHECK(rig.logged("HB silence end"));
  CHECK_HAS(rig.client.all_written(), "1,2000,23.4,45.0\r\n");
}

TEST(wifi_loss_drops_the_connection_and_is_logged) {
  fakes::Rig rig;
  boot(rig);
  rig.run(1000);
  rig.radio.up = false;
  rig.run(10);
  CHECK(rig.logged("HB wifi down"));
  CHECK_EQ(rig.lines("HB disconnect reason=wifi_down").size(), static_cast<size_t>(1));
  CHECK_EQ(rig.client.stops, 1);
  rig.run(2000);
  CHECK_EQ(rig.client.connects, 1);  // no attempts without Wi-Fi
  rig.radio.up = true;
  rig.run(1000);
  CHECK_EQ(rig.client.connects, 2);
}

TEST(write_failure_disconnects_and_keeps_the_reading_for_later) {
  fakes::Rig rig;
  boot(rig, "buffered");
  rig.run(20);
  rig.client.write_limit = 3;  // a partial write: the peer is gone mid-line
  rig.run(1000);
  CHECK_EQ(rig.lines("HB disconnect reason=write_failed").size(), static_cast<size_t>(1));
  CHECK_EQ(rig.node.delivery().buffered(), static_cast<size_t>(1));
  rig.client.write_limit = SIZE_MAX;
  rig.run(600);
  CHECK_HAS(rig.client.writes.back(), "0,1000,23.4,45.0\r\n");
}

TEST(corrupt_oversize_and_binary_faults_put_bad_lines_on_the_wire) {
  struct Case {
    const char* fault;
    hb::LineError error;
    size_t length;  // oversize: the line's length
  } cases[] = {
      {"corrupt", hb::LineError::kNone, 0},  // which error depends on the byte hit
      {"oversize", hb::LineError::kNone, 300},
      {"oversize,size=5000", hb::LineError::kNone, 5000},  // more than a node's RAM could hold at once
      {"oversize,size=1", hb::LineError::kNone, 17},  // at least one byte past the line
      {"binary", hb::LineError::kInvalidByte, 0},
  };
  for (const Case& c : cases) {
    SCOPE(c.fault);
    fakes::Rig rig;
    boot(rig);
    rig.type(std::string("fault ") + c.fault + "\r");
    rig.run(1000);
    std::string name = std::string(c.fault).substr(0, std::string(c.fault).find(','));
    CHECK(rig.logged("HB drop seq=0 fault=" + name));
    std::string line = rig.client.all_written().substr(rig.client.writes[0].size());
    REQUIRE(line.size() > 2 && line.substr(line.size() - 2) == "\r\n");
    line.resize(line.size() - 2);
    CHECK_EQ(rig.node.delivery().buffered(), static_cast<size_t>(0));  // never resent
    if (name == "oversize") {
      CHECK_EQ(line.size(), c.length);
      CHECK_EQ(line.substr(0, 16), std::string("0,1000,23.4,45.0"));
      continue;
    }
    hb::DecodedLine d = hb::decode_line(reinterpret_cast<const uint8_t*>(line.data()), line.size());
    CHECK(d.kind == hb::LineKind::kError);
    if (c.error != hb::LineError::kNone) CHECK(d.error == c.error);
  }
}

TEST(reboot_fault_restarts_the_chip_once_the_cycles_reading_is_out) {
  fakes::Rig rig;
  boot(rig);
  rig.type("fault reboot\r");
  rig.run(1000);
  CHECK_EQ(rig.chip.restarts, 1);
  CHECK(rig.logged("HB reboot reason=fault next_seq=1"));
  CHECK_HAS(rig.client.all_written(), "0,1000,23.4,45.0\r\n");
  CHECK_EQ(rig.client.stops, 0);  // orphan: the chip just resets, no FIN
}

TEST(reboot_fault_with_link_fin_closes_the_connection_first) {
  fakes::Rig rig;
  boot(rig);
  rig.type("fault reboot,link=fin\r");
  CHECK_STR(rig.last_reply(), "OK fault reboot=1,link=fin");
  rig.run(1000);
  CHECK_EQ(rig.client.stops, 1);
  CHECK_EQ(rig.lines("HB disconnect reason=reboot").size(), static_cast<size_t>(1));
  CHECK_EQ(rig.chip.restarts, 1);
}

TEST(slow_connect_waits_before_an_attempt) {
  fakes::Rig rig;
  rig.node.begin();
  rig.type("fault slow_connect,delay=500\r");
  rig.type("server 10.0.0.1 5050\r");
  rig.run(400);
  CHECK_EQ(rig.client.connects, 0);
  rig.run(200);
  CHECK_EQ(rig.client.connects, 1);
}

TEST(slow_connect_fires_with_its_probability_and_draws_its_jitter) {
  fakes::Rig never;
  never.node.begin();
  never.type("fault slow_connect=0,delay=500\r");
  never.type("server 10.0.0.1 5050\r");
  never.run(20);
  CHECK_EQ(never.client.connects, 1);

  fakes::Rig jittered;
  jittered.node.begin();
  jittered.type("fault slow_connect,delay=500,jitter=200\r");
  jittered.type("server 10.0.0.1 5050\r");
  uint32_t waited = 0;
  while (jittered.client.connects == 0 && waited < 1000) {
    jittered.run(10);
    waited += 10;
  }
  CHECK(waited >= 300 && waited <= 710);
}

TEST(a_full_ring_evicts_the_oldest_reading_and_logs_the_loss) {
  fakes::Rig rig;
  rig.radio.up = false;
  rig.node.begin();
  rig.type("mode buffered\r");
  rig.type("interval 100\r");
  rig.run(100 * (hb::kRingCapacity + 1));
  CHECK(rig.logged("HB lost seq=0 reason=ring_full"));
  CHECK(!rig.logged("HB lost seq=1 reason=ring_full"));
  CHECK_EQ(rig.node.delivery().buffered(), hb::kRingCapacity);
}

TEST(ack_mode_gives_up_on_written_readings_whose_ack_never_comes) {
  fakes::Rig rig;
  rig.node.begin();
  rig.type("interval 100\r");
  rig.type("server 10.0.0.1 5050\r");
  rig.run(100 * (hb::kRingCapacity + 1));  // a server that never acknowledges
  CHECK(rig.logged("HB unacked seq=0 reason=ring_full"));
  CHECK(rig.lines("HB lost").empty());
  CHECK_EQ(rig.node.delivery().unacknowledged(), hb::kRingCapacity);
}

TEST(settings_persist_across_a_reboot) {
  fakes::Rig first;
  boot(first, "buffered");
  first.type("device node-07\r");
  first.type("wifi ssid Lab Net\r");
  CHECK_STR(first.last_reply(), "OK wifi ssid Lab Net");
  fakes::Rig second;
  second.storage.data = first.storage.data;
  second.node.begin();
  second.collect();
  CHECK(second.logged("HB config source=eeprom server=10.0.0.1:5050 mode=buffered interval=1000"));
  CHECK_STR(second.node.settings().device, "node-07");
  CHECK_EQ(second.radio.ssid, std::string("Lab Net"));
}

TEST(damaged_settings_fall_back_to_defaults) {
  fakes::Rig rig;
  rig.storage.data.assign(hb::kSettingsImageSize, 0x42);
  rig.node.begin();
  rig.collect();
  CHECK(rig.logged("HB config source=defaults_damaged server=none mode=ack interval=5000"));
}

TEST(changing_the_mode_reconnects_with_a_new_hello) {
  fakes::Rig rig;
  boot(rig, "ack");
  rig.run(20);
  rig.type("mode buffered\r");
  CHECK(rig.logged("HB disconnect reason=mode_changed backoff_ms=0"));
  rig.run(20);
  CHECK_HAS(rig.client.writes.back(), "ack=0\r\n");
}

TEST(changing_the_server_connects_there_at_once) {
  fakes::Rig rig;
  boot(rig);
  rig.run(20);
  rig.type("server 10.0.0.2 6000\r");
  rig.run(10);
  CHECK(rig.logged("HB disconnect reason=server_changed backoff_ms=0"));
  CHECK_EQ(rig.client.host, std::string("10.0.0.2"));
  CHECK_EQ(rig.client.port, 6000);
  CHECK(rig.logged("HB connect ok server=10.0.0.2:6000"));
}

TEST(the_password_is_never_echoed) {
  fakes::Rig rig;
  boot(rig);
  rig.type("wifi pass hunter2 and more\r");
  CHECK_STR(rig.last_reply(), "OK wifi pass ***");
  rig.type("status\r");
  CHECK_HAS(rig.last_reply(), " pass=*** ");
  rig.run(100);
  for (const std::string& line : rig.log) CHECK_LACKS(line, "hunter2");
  CHECK_EQ(rig.radio.password, std::string("hunter2 and more"));
}

TEST(a_version_a_hello_cannot_carry_goes_out_as_unknown) {
  hb::set_firmware_version("release/2024");
  fakes::Rig rig;
  boot(rig);
  rig.run(20);
  hb::set_firmware_version(nullptr);
  CHECK(rig.logged("HB boot device=esp-a1b2c3 fw=release/2024 boot=5f3a9c01 seed=1597676547"));
  CHECK_STR(rig.client.writes.at(0), "#hello device=esp-a1b2c3 fw=unknown boot=5f3a9c01 ack=1\r\n");
}

TEST(status_reports_the_node_state) {
  fakes::Rig rig;
  boot(rig);
  rig.run(2000);
  rig.type("status\r");
  std::string status = rig.last_reply();
  CHECK_HAS(status, "OK status device=esp-a1b2c3 fw=0.1.0 boot=5f3a9c01 mode=ack interval=1000 server=10.0.0.1:5050");
  CHECK_HAS(status, " wifi=up ip=10.0.0.7 connected=1 seq=2 buffered=2 unacked=2 faults=none ");
  CHECK_HAS(status, " backoff=500/30000 uptime_ms=2000 pass=none ssid=");
}

TEST(hold_closes_the_connection_and_nothing_runs_but_the_console_until_a_reboot) {
  fakes::Rig rig;
  boot(rig);
  rig.run(1500);
  REQUIRE(rig.client.connects == 1);
  uint32_t seq = rig.node.next_seq();
  rig.type("hold\r");
  CHECK_STR(rig.last_reply(), "OK hold until reboot");
  CHECK(rig.logged("HB disconnect reason=hold backoff_ms=0"));
  CHECK_EQ(rig.client.stops, 1);
  // Reconfigured while held: nothing connects to the new server, no reading cycle runs.
  rig.type("server 10.0.0.2 6000\r");
  rig.type("mode classroom\r");
  rig.type("hold\r");
  CHECK_STR(rig.last_reply(), "OK hold until reboot");
  rig.run(5000);
  CHECK_EQ(rig.client.connects, 1);
  CHECK_EQ(rig.node.next_seq(), seq);
  CHECK(rig.lines("HB sent").size() == 1);
  rig.type("hold now\r");
  CHECK_STR(rig.last_reply(), "ERR hold: usage: hold (alone; the next reboot ends it)");
  rig.type("reboot\r");
  CHECK_EQ(rig.chip.restarts, 1);
}
