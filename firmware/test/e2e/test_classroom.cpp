// A classroom sketch builds against the host Arduino API unchanged but for its server address,
// and sends the classroom line, CR LF ended, to the laptop's server.
#include <fstream>
#include <string>

#include "e2e_support.h"
#include "hbtest.h"

TEST(the_classroom_sketch_runs_on_the_virtual_nodemcu) {
  hbtest::Listener server;
  std::string source = hbtest::read_file(std::string(HB_FIRMWARE_DIR) + "/test/classroom/classroom.ino");
  const std::string port_line = "const uint16_t port = 5050;";
  size_t at = source.find(port_line);
  REQUIRE(at != std::string::npos);
  source.replace(at, port_line.size(), "const uint16_t port = " + std::to_string(server.port()) + ";");
  std::string sketch = hbtest::temp_file("classroom.ino");
  std::ofstream(sketch) << source;
  std::string binary = hbtest::temp_file("classroom-nodemcu"), output;
  int status = hbtest::run_command("make -s -C " + std::string(HB_FIRMWARE_DIR) + " sketch SKETCH=" + sketch +
                                       " OUT=" + binary, &output);
  REQUIRE(status == 0 || (hbtest::fail(__FILE__, __LINE__, "the classroom sketch did not build:\n" + output), false));

  hbtest::VirtualNodeMcu node({}, binary);
  node.expect("WiFi connected", 3000);
  node.expect("IP address: 127.0.0.1", 1000);
  auto conn = server.accept(3000);
  REQUIRE(conn != nullptr);
  std::string line;
  REQUIRE(conn->read_line(&line, 3000));
  // seq 0, some uptime, and String(t, 1) of the side channel's default values.
  size_t millis_end = line.find(",23.4,45.0");
  CHECK(line.rfind("0,", 0) == 0 && millis_end != std::string::npos && millis_end + 10 == line.size());
  CHECK(millis_end > 2 && line.find_first_not_of("0123456789", 2) == millis_end);
  CHECK_HAS(conn->received(), line + "\r\n");
  node.expect("Sent: " + line, 2000);
  CHECK_HAS(node.control("status"), "ok mode=app boot=1 wifi=up version=unknown ");
}
