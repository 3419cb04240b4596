// The serial console: line assembly, replies, and a clear error for every rejected command.
#include <string>

#include "fakes.h"
#include "hbtest.h"

namespace {
std::string reply_to(fakes::Rig& rig, const std::string& command) {
  rig.type(command + "\r");
  return rig.last_reply();
}
}  // namespace

TEST(console_accepts_cr_lf_and_crlf_and_ignores_empty_lines) {
  fakes::Rig rig;
  rig.node.begin();
  rig.type("interval 700\r\ninterval 800\ninterval 900\r\r\n\n");
  std::vector<std::string> replies = rig.lines("OK ");
  REQUIRE(replies.size() == 3);
  CHECK_STR(replies[0], "OK interval 700");
  CHECK_STR(replies[1], "OK interval 800");
  CHECK_STR(replies[2], "OK interval 900");
  CHECK(rig.lines("ERR").empty());
}

TEST(console_lines_may_arrive_in_pieces) {
  fakes::Rig rig;
  rig.node.begin();
  for (char c : std::string("mode buff")) rig.type(std::string(1, c));
  rig.type("ered\r");
  CHECK_STR(rig.last_reply(), "OK mode buffered");
}

TEST(console_backspace_edits_the_line) {
  fakes::Rig rig;
  rig.node.begin();
  CHECK_STR(reply_to(rig, "mode ackk\b"), "OK mode ack");
  CHECK_STR(reply_to(rig, "mode cla\x7f\x7f\x7f" "classroom"), "OK mode classroom");
}

TEST(console_rejects_bad_commands_with_a_reason) {
  struct Case {
    const char* command;
    const char* reply;
  } cases[] = {
      {"frobnicate", "ERR frobnicate: unknown command (try help)"},
      {"interval abc", "ERR interval: expected milliseconds from 100 to 86400000, got 'abc'"},
      {"interval 99", "ERR interval: expected milliseconds from 100 to 86400000, got '99'"},
      {"interval", "ERR interval: expected milliseconds from 100 to 86400000"},
      {"server 10.0.0.1", "ERR server: usage: server <host> <port>"},
      {"server 10.0.0.1 70000", "ERR server: the port must be a number from 1 to 65535, got '70000'"},
      {"server 10.0.0.1 0", "ERR server: the port must be a number from 1 to 65535, got '0'"},
      {"mode fast", "ERR mode: expected classroom, buffered or ack"},
      {"device bad/id", "ERR device: expected 1 to 32 letters, digits or . _ - : +"},
      {"wifi", "ERR wifi: usage: wifi ssid <ssid> | wifi pass <password> (no password: an open network)"},
      {"wifi ssid", "ERR wifi: usage: wifi ssid <ssid> | wifi pass <password> (no password: an open network)"},
      {"wifi ssid abcdefghijabcdefghijabcdefghijabc", "ERR wifi: an SSID has at most 32 characters"},
      {"seed -1", "ERR seed: expected a whole number from 0 to 4294967295 (0: random at every boot)"},
      {"backoff 5 100", "ERR backoff: usage: backoff <base_ms> <cap_ms> with 10 <= base <= cap <= 3600000"},
      {"backoff 500 100", "ERR backoff: usage: backoff <base_ms> <cap_ms> with 10 <= base <= cap <= 3600000"},
      {"fault explode",
       "ERR fault: unknown fault 'explode' in 'explode' (known: drop, sensor_fail, coalesce, corrupt, oversize, binary, "
       "silence, reboot, slow_connect, latency, bandwidth, slicer, timeout, reset_peer, limit_data, down)"},
      {"fault drop=2", "ERR fault: probability 2 is above 1 in 'drop=2'"},
      {"fault drop p=0.1",
       "ERR fault: a space at column 5 in 'drop p=0.1' (a spec is NAME[=PROBABILITY][,KEY=VALUE...] in printable ASCII "
       "without spaces)"},
      {"fault coalesce,n=3", "ERR fault: unknown parameter 'n' in 'coalesce,n=3' (coalesce takes count)"},
      {"fault slicer,delay=2ms",
       "ERR fault: slicer is a network fault: set it on the proxy in front of the node (./hilbench proxy --fault "
       "slicer=1,average_size=4,size_variation=2,delay=2000,stream=upstream)"},
      {"fault reboot,link=rst",
       "ERR fault: reboot link=rst is unsupported here: Arduino's WiFiClient cannot reset a connection (orphan or fin)"},
      {"fault clear nothing",
       "ERR fault: usage: fault clear [name], name one of drop, sensor_fail, coalesce, corrupt, oversize, binary, "
       "silence, reboot, slow_connect"},
      {"fault clear latency", "ERR fault: latency is a network fault: the proxy in front of the node sets and clears it"},
      {"a b c d e f g h i", "ERR a: too many words"},
      {"mode \x01" "ack", "ERR ?: byte 0x01 at column 6 is not printable ASCII"},
  };
  fakes::Rig rig;
  rig.node.begin();
  for (const Case& c : cases) {
    SCOPE(c.command);
    CHECK_STR(reply_to(rig, c.command), c.reply);
  }
  // Nothing was changed by any of them.
  CHECK_STR(rig.node.settings().host, "");
  CHECK_EQ(rig.node.settings().interval_ms, 5000u);
  CHECK(rig.node.settings().mode == hb::DeliveryMode::kAck);
  CHECK_EQ(rig.storage.saves, 0);
}

TEST(console_reports_an_overlong_line_once_and_recovers) {
  fakes::Rig rig;
  rig.node.begin();
  rig.type(std::string(500, 'x') + "\r");
  CHECK_STR(rig.last_reply(), "ERR ?: line longer than 160 characters");
  CHECK_EQ(rig.lines("ERR").size(), static_cast<size_t>(1));
  CHECK_STR(reply_to(rig, "mode ack"), "OK mode ack");
}

TEST(console_help_lists_every_device_fault_with_its_defaults) {
  fakes::Rig rig;
  rig.node.begin();
  rig.collect();
  CHECK_STR(reply_to(rig, "help"), "OK help");
  for (const char* line : {"  drop", "  coalesce,count=3", "  oversize,size=300", "  silence,duration=10000",
                           "  reboot,link=orphan", "  slow_connect,delay=3000,jitter=0"}) {
    CHECK(rig.logged(line));
  }
  CHECK(!rig.logged("  latency"));
}

TEST(console_help_version_and_settings_replies) {
  fakes::Rig rig;
  rig.node.begin();
  CHECK_STR(reply_to(rig, "help"), "OK help");
  CHECK(rig.log.size() > 8);
  CHECK_STR(reply_to(rig, "version"), "OK version fw=0.1.0");
  CHECK_STR(reply_to(rig, "server   lab.local   6000"), "OK server lab.local 6000");
  CHECK_STR(reply_to(rig, "device node-01"), "OK device node-01");
  CHECK_STR(reply_to(rig, "seed 42"), "OK seed 42");
  CHECK_EQ(rig.node.seed(), 42u);
  CHECK_STR(reply_to(rig, "wifi pass"), "OK wifi pass (none)");
  CHECK_STR(reply_to(rig, "fault"), "OK fault active=none");
  CHECK_STR(reply_to(rig, "fault drop=0.25"), "OK fault drop=0.25");
  CHECK_STR(reply_to(rig, "fault\tsilence,duration=5s"), "OK fault silence=1,duration=5000");
  CHECK_STR(reply_to(rig, "fault coalesce"), "OK fault coalesce=1,count=3");
  CHECK_STR(reply_to(rig, "fault"), "OK fault active=drop=0.25;coalesce=1,count=3;silence=1,duration=5000");
  CHECK_STR(reply_to(rig, "fault clear coalesce"), "OK fault clear coalesce");
  CHECK_STR(reply_to(rig, "fault"), "OK fault active=drop=0.25;silence=1,duration=5000");
  CHECK_STR(reply_to(rig, "reboot"), "OK reboot");
  CHECK_EQ(rig.chip.restarts, 1);
}

TEST(a_seed_replays_the_same_fault_decisions_after_a_reboot) {
  auto run = [](uint32_t random_start) {
    fakes::Rig rig;
    rig.chip.random_value = random_start;  // a different boot: different hardware randomness
    rig.node.begin();
    rig.type("seed 1234\r");
    rig.type("interval 100\r");
    rig.type("fault drop=0.5\r");
    rig.run(3000);
    return rig.lines("HB drop");
  };
  std::vector<std::string> a = run(1), b = run(999);
  CHECK(a.size() > 5);
  CHECK(a == b);
}
