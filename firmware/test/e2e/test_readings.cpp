// The virtual NodeMCU end to end, without Java: configured over its pseudo-terminal, it reports
// to a TCP listener in the test; the side channel takes Wi-Fi and the sensor away.
#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "e2e_support.h"
#include "hbtest.h"
#include "wait.h"

TEST(readings_arrive_at_a_tcp_listener_and_the_serial_log_matches) {
  hbtest::VirtualNodeMcu node({});
  CHECK_STR(node.mode_line(), "mode app");
  std::string boot = node.expect("HB boot device=esp-a1b2c3 fw=0.1.0 boot=", 3000);
  node.expect("HB wifi up ip=127.0.0.1", 3000);
  CHECK_HAS(node.control("status"), "ok mode=app boot=1 wifi=up version=0.1.0 ");

  hbtest::Listener server;
  std::string hello;
  auto conn = hbtest::connect_node(node, server, &hello);
  CHECK_STR(hello, "#hello device=esp-a1b2c3 fw=0.1.0 boot=" + boot.substr(boot.find("boot=") + 5, 8) + " ack=1");
  for (uint32_t seq = 0; seq < 3; seq++) {
    hbtest::WireReading r;
    REQUIRE(hbtest::next_reading(*conn, &r, 3000));
    CHECK_EQ(r.seq, seq);
    CHECK_EQ(r.temperature, 23.4);
    CHECK_EQ(r.humidity, 45.0);
    std::string sent = node.expect("HB sent seq=" + std::to_string(seq) + " ", 3000);
    CHECK_EQ(hbtest::number_after(sent, "millis"), r.millis);
  }
  CHECK_HAS(conn->received(), "\r\n");  // println's CR LF, as the classroom sketch sends
}

TEST(wifi_down_silences_the_node_without_a_fin_and_wifi_up_brings_the_readings_back) {
  hbtest::VirtualNodeMcu node({});
  hbtest::Listener server;
  std::string hello, line;
  auto conn = hbtest::connect_node(node, server, &hello);
  node.expect("HB sent seq=1 ", 3000);

  CHECK_STR(node.control("wifi down"), "ok wifi down");
  node.expect("HB wifi down", 2000);
  node.expect("HB disconnect reason=wifi_down", 2000);
  while (conn->read_line(&line, 50)) {
  }  // what was on the wire before the radio went
  node.expect("HB buffered count=", 2000);
  CHECK(conn->silent_for(600));  // no data and no FIN: a black hole, as when the access point is gone
  CHECK(server.accept(0) == nullptr);

  CHECK_STR(node.control("wifi up"), "ok wifi up");
  node.expect("HB wifi up", 3000);
  auto again = server.accept(5000);
  REQUIRE(again != nullptr);
  CHECK(again->read_line(&line, 3000));
  CHECK_STR(line.substr(0, 7), "#hello ");
  CHECK(conn->closed_within(3000));  // the old connection's FIN goes out once the radio is back
  // Ack mode without acks from this listener: every reading is resent, none is missing.
  std::set<uint32_t> seqs;
  hbtest::WireReading r;
  while (seqs.size() < 8 && hbtest::next_reading(*again, &r, 3000)) seqs.insert(r.seq);
  REQUIRE(!seqs.empty());
  CHECK_EQ(*seqs.begin(), 0u);
  CHECK_EQ(static_cast<size_t>(*seqs.rbegin() + 1), seqs.size());
}

TEST(a_failing_sensor_is_logged_and_leaves_a_gap_the_log_explains) {
  hbtest::VirtualNodeMcu node({});
  hbtest::Listener server;
  std::string hello;
  node.type("mode buffered\r");
  node.expect("OK mode buffered", 2000);
  auto conn = hbtest::connect_node(node, server, &hello);
  CHECK_HAS(hello, " ack=0");
  node.expect("HB sent seq=0 ", 3000);

  CHECK_STR(node.control("sensor fail"), "ok sensor fail");
  std::string failed = node.expect("HB sensor_fail seq=", 4000);  // the DHT library caches for 2 s
  uint32_t gap = hbtest::number_after(failed, "seq");
  CHECK_STR(node.control("sensor 30.5 55"), "ok sensor t=30.5 h=55.0");
  CHECK_STR(node.control("sensor ok"), "ok sensor ok");
  node.expect("HB sent seq=", 4000);

  hbtest::WireReading r;
  bool saw_new_values = false;
  while (hbtest::next_reading(*conn, &r, 4000)) {
    CHECK(r.seq != gap);
    if (r.seq > gap) {
      saw_new_values = r.temperature == 30.5 && r.humidity == 55.0;
      break;
    }
  }
  CHECK(saw_new_values);
}

TEST(settings_persist_in_the_eeprom_file_across_reboots_and_restarts) {
  std::string eeprom = hbtest::temp_file("settings-eeprom.bin");
  hbtest::Listener server;
  std::string where = "server=127.0.0.1:" + std::to_string(server.port());
  {
    hbtest::VirtualNodeMcu node({"--eeprom", eeprom});
    node.expect("HB config source=defaults server=none", 3000);
    node.type("server 127.0.0.1 " + std::to_string(server.port()) + "\rdevice bench-07\rwifi pass s3cret-pw\r");
    node.expect("OK device bench-07", 2000);
    node.expect("OK wifi pass ***", 2000);
    node.type("reboot\r");
    node.expect("OK reboot", 2000);
    node.expect("boot mode:(3,6)", 3000);  // the ROM's banner: a flash boot
    node.expect("HB boot device=bench-07 ", 3000);
    node.expect("HB config source=eeprom " + where + " mode=ack interval=5000", 3000);
    CHECK_HAS(node.control("status"), "boot=2");
    CHECK_LACKS(node.transcript(), "s3cret-pw");
  }
  hbtest::VirtualNodeMcu again({"--eeprom", eeprom});
  again.expect("HB config source=eeprom " + where, 3000);
}

namespace {
// Gone, or a zombie nobody has reaped yet (PID 1 in a container may never reap it).
bool process_gone(pid_t pid) {
  if (kill(pid, 0) != 0) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, name, state;
  stat >> pid_field >> name >> state;
  return state == "Z";
}
}  // namespace

TEST(the_board_quits_cleanly_and_never_leaves_the_sketch_process_behind) {
  auto sketch_pid = [](hbtest::VirtualNodeMcu& node) {
    pid_t pid = 0;
    hbtest::wait_until([&] {
      std::string log = node.log();
      size_t at = log.rfind("(pid ");
      if (at != std::string::npos) pid = static_cast<pid_t>(std::atoi(log.c_str() + at + 5));
      return pid > 0;
    }, 3000, "the board to log the sketch's pid");
    return pid;
  };
  {
    hbtest::VirtualNodeMcu node({});
    pid_t sketch = sketch_pid(node);
    CHECK_EQ(node.quit(), 0);
    CHECK(process_gone(sketch));
  }
  hbtest::VirtualNodeMcu killed({});
  pid_t sketch = sketch_pid(killed);
  kill(killed.pid(), SIGKILL);  // the board dies hard: the sketch must die with it
  hbtest::wait_until([&] { return process_gone(sketch); }, 3000, "the orphaned sketch to die");
}

TEST(bad_usage_is_refused_with_a_reason_and_status_2) {
  std::string out;
  CHECK_EQ(hbtest::run_command(std::string(HB_BUILD_DIR) + "/virtual-nodemcu --pace-baud fast", &out), 2);
  CHECK_HAS(out, "--pace-baud must be a baud rate from 300 to 4000000, got 'fast'");
  CHECK_EQ(hbtest::run_command(std::string(HB_BUILD_DIR) + "/virtual-nodemcu --chip-id 1000000", &out), 2);
  CHECK_HAS(out, "--chip-id must be a hexadecimal number up to ffffff");
  CHECK_EQ(hbtest::run_command(std::string(HB_BUILD_DIR) + "/virtual-nodemcu --frobnicate", &out), 2);
  CHECK_HAS(out, "unknown option '--frobnicate'");
  CHECK_EQ(hbtest::run_command(std::string(HB_BUILD_DIR) + "/virtual-nodemcu --help", &out), 0);
  CHECK_HAS(out, "usage: virtual-nodemcu");
}

TEST(the_side_channel_answers_every_command_and_rejects_bad_ones) {
  hbtest::VirtualNodeMcu node({"--chip-id", "0x123abc", "--sensor", "19.5,60"});
  node.expect("HB boot device=esp-123abc ", 3000);
  std::string status = node.control("status");
  CHECK_HAS(status, "ok mode=app boot=1 wifi=up version=0.1.0 sensor=19.5,60.0");
  CHECK_STR(node.control("frobnicate"), "err unknown command 'frobnicate' (known: lines, reset, wifi, sensor, status, quit, help)");
  CHECK_STR(node.control("wifi sideways"), "err wifi: usage: wifi up|down");
  CHECK_STR(node.control("sensor hot 40"), "err sensor: usage: sensor <temperature> <humidity> | sensor fail | sensor ok");
  CHECK_STR(node.control("sensor 20 140"), "err sensor: humidity must be 0..100 %, got 140");
  CHECK_STR(node.control("lines dtr=1"), "err lines: usage: lines dtr=0|1 rts=0|1");
  CHECK_STR(node.control("reset sideways"), "err reset: usage: reset run|download");
  CHECK_STR(node.control(std::string(600, 'x')), "err line longer than 512 bytes");
  CHECK_HAS(node.control("status"), "ok mode=app boot=1 ");  // nothing changed
}
