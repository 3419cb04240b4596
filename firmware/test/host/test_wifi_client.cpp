// WiFiClient on real sockets, and the Wi-Fi black hole: no bytes and no FIN while the side
// channel holds Wi-Fi down, then the queued bytes and the FIN once it is up again.
#include <string>

#include "ESP8266WiFi.h"
#include "WiFiClient.h"
#include "hbtest.h"
#include "host_fixture.h"
#include "net.h"
#include "wait.h"

TEST(wifi_client_talks_tcp_both_ways) {
  hbtest::board_state();
  hbtest::Listener server;
  WiFiClient client;
  REQUIRE(client.connect("127.0.0.1", static_cast<uint16_t>(server.port())) == 1);
  std::unique_ptr<hbtest::Connection> peer = server.accept(2000);
  REQUIRE(peer != nullptr);
  CHECK(client.connected());
  client.println("12,1234567,28.3,65.2");
  std::string line;
  CHECK(peer->read_line(&line, 2000));
  CHECK_STR(line, "12,1234567,28.3,65.2");
  CHECK_HAS(peer->received(), "\r\n");
  peer->send("#ack 12\n");
  hbtest::wait_until([&] { return client.available() == 8; }, 2000, "the ack to arrive");
  CHECK_EQ(client.peek(), '#');
  CHECK_STR(client.readStringUntil('\n').c_str(), "#ack 12");
  CHECK_EQ(client.remotePort(), server.port());
  CHECK_STR(client.remoteIP().toString().c_str(), "127.0.0.1");
  peer.reset();  // the server closes
  hbtest::wait_until([&] { return !client.connected(); }, 2000, "the client to notice the close");
  CHECK_EQ(client.write(reinterpret_cast<const uint8_t*>("x"), 1), 0u);
}

TEST(wifi_client_connect_fails_fast_when_refused_or_unresolvable) {
  hbtest::board_state();
  int port;
  {
    hbtest::Listener closed;
    port = closed.port();
  }
  WiFiClient client;
  CHECK_EQ(client.connect("127.0.0.1", static_cast<uint16_t>(port)), 0);
  CHECK(!client.connected());
  CHECK_EQ(client.connect("no-such-host.invalid", 5050), 0);
}

TEST(wifi_down_black_holes_the_connection_without_a_fin) {
  hb_host::SharedState& state = hbtest::board_state();
  hbtest::Listener server;
  WiFiClient client;
  REQUIRE(client.connect("127.0.0.1", static_cast<uint16_t>(server.port())) == 1);
  std::unique_ptr<hbtest::Connection> peer = server.accept(2000);
  REQUIRE(peer != nullptr);

  state.wifi_up.store(false);
  CHECK_EQ(client.connect("127.0.0.1", static_cast<uint16_t>(server.port())), 0);  // no route meanwhile
  CHECK(server.accept(100) == nullptr);
  CHECK(peer->silent_for(200));  // that failed connect did not close the old connection either
  hbtest::Listener other;
  WiFiClient held;
  state.wifi_up.store(true);
  REQUIRE(held.connect("127.0.0.1", static_cast<uint16_t>(other.port())) == 1);
  std::unique_ptr<hbtest::Connection> held_peer = other.accept(2000);
  REQUIRE(held_peer != nullptr);
  state.wifi_up.store(false);
  CHECK_EQ(held.write(reinterpret_cast<const uint8_t*>("lost?\n"), 6), 6u);  // queued, as lwIP would
  CHECK(held.connected());  // the stack cannot know the access point is gone
  CHECK_EQ(held.available(), 0);
  held.stop();
  CHECK(held_peer->silent_for(300));  // no data, no FIN
  state.wifi_up.store(true);
  hb_host::network_tick();
  std::string line;
  CHECK(held_peer->read_line(&line, 2000));
  CHECK_STR(line, "lost?");
  CHECK(held_peer->closed_within(2000));
}
