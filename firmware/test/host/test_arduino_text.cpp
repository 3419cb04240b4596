// String, Print and IPAddress behave as on the ESP8266 core, so that classroom sketches print and
// send exactly what they do on the board.
#include <cmath>
#include <string>

#include "Arduino.h"
#include "IPAddress.h"
#include "Print.h"
#include "hbtest.h"

namespace {
class Capture : public Print {
 public:
  std::string text;
  size_t write(uint8_t c) override {
    text += static_cast<char>(c);
    return 1;
  }
};
}  // namespace

TEST(string_builds_the_classroom_line) {
  unsigned long seq = 12, ms = 1234567;
  float t = 28.3f, h = 65.2f;
  String data = String(seq) + "," + String(ms) + "," + String(t, 1) + "," + String(h, 1);
  CHECK_STR(data.c_str(), "12,1234567,28.3,65.2");
  CHECK_STR(String(t).c_str(), "28.30");  // String(float) prints two decimals
  CHECK_STR(String(NAN).c_str(), "nan");
  CHECK_STR(String(-3.14159, 3).c_str(), "-3.142");
  CHECK_STR(String(255, HEX).c_str(), "ff");
  CHECK_STR(String(5, BIN).c_str(), "101");
  CHECK_STR(String(-42).c_str(), "-42");
  CHECK_STR(String(-1, HEX).c_str(), "ffffffff");  // 32-bit, as on the ESP8266
  CHECK_STR(String('x').c_str(), "x");
  CHECK_STR(("Seq:" + String(7)).c_str(), "Seq:7");
}

TEST(string_methods_match_arduino) {
  String s("  12,1234567,28.3,65.2\r\n");
  s.trim();
  CHECK_STR(s.c_str(), "12,1234567,28.3,65.2");
  CHECK_EQ(s.indexOf(','), 2);
  CHECK_EQ(s.indexOf(',', 3), 10);
  CHECK_EQ(s.lastIndexOf(','), 15);
  CHECK_EQ(s.indexOf("zz"), -1);
  CHECK_STR(s.substring(3, 10).c_str(), "1234567");
  CHECK_STR(s.substring(16).c_str(), "65.2");
  CHECK_EQ(s.substring(0, 2).toInt(), 12L);
  CHECK(std::fabs(s.substring(11, 15).toFloat() - 28.3f) < 1e-5);
  CHECK(s.startsWith("12,") && s.endsWith(",65.2"));
  String r = s;
  r.replace(",", ";");
  CHECK_STR(r.c_str(), "12;1234567;28.3;65.2");
  r.remove(2);
  CHECK_STR(r.c_str(), "12");
  r += 3;
  r += "x";
  r.concat(4.5f);
  CHECK_STR(r.c_str(), "123x4.50");
  CHECK(String("AbC").equalsIgnoreCase("aBc"));
  CHECK_EQ(String("abc").length(), 3u);
  CHECK_EQ(String("abc").charAt(5), '\0');
  String upper("mixed");
  upper.toUpperCase();
  CHECK(upper == "MIXED");
}

TEST(print_ends_lines_with_cr_lf_and_formats_numbers) {
  Capture out;
  out.println("12,1234567,28.3,65.2");
  out.print(28.3);
  out.print(' ');
  out.print(28.349f, 1);
  out.print(' ');
  out.print(NAN);
  out.print(' ');
  out.print(-12);
  out.print(' ');
  out.print(255, HEX);
  out.print(' ');
  out.print(-1, HEX);
  out.print(' ');
  out.print(4294967295UL);
  out.println();
  out.printf("Connecting to %s:%d\n", "127.0.0.1", 5050);
  out.println(String("str"));
  out.println(IPAddress(192, 168, 1, 10));
  out.println(2.5, 0);
  CHECK_STR(out.text,
            "12,1234567,28.3,65.2\r\n28.30 28.3 nan -12 FF FFFFFFFF 4294967295\r\nConnecting to 127.0.0.1:5050\nstr\r\n"
            "192.168.1.10\r\n3\r\n");
}

TEST(ip_address_parses_and_prints) {
  IPAddress ip;
  CHECK(ip.fromString("10.0.0.7"));
  CHECK_STR(ip.toString().c_str(), "10.0.0.7");
  CHECK_EQ(ip[3], 7);
  CHECK(!ip.fromString("10.0.0"));
  CHECK(!ip.fromString("10.0.0.256"));
  CHECK(!ip.fromString("10.0.0.1x"));
  CHECK(IPAddress(1, 2, 3, 4) == IPAddress(static_cast<uint32_t>(0x04030201)));
  CHECK(!IPAddress().isSet());
}

TEST(map_and_constrain_follow_arduino) {
  CHECK_EQ(map(512, 0, 1023, 0, 100), 50L);
  CHECK_EQ(constrain(150, 0, 100), 100);
  CHECK_EQ(constrain(-5, 0, 100), 0);
  CHECK_EQ(max(3, 7), 7);
}
