// The C++ codec against the shared vector file, and the encoders against the decoder.
#include <cmath>
#include <cstdlib>
#include <string>

#include "hb_line_codec.h"
#include "hbtest.h"
#include "vectors.h"

namespace {

// The tokens of the result point into `bytes`: keep it alive while using them.
hb::DecodedLine decode(const std::string& bytes) {
  return hb::decode_line(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string token(const hb::Token& t) { return std::string(t.data, t.size); }

}  // namespace

TEST(codec_passes_every_shared_line_vector) {
  std::vector<hbtest::VectorCase> cases = hbtest::read_vectors("lines.tsv");
  CHECK(cases.size() > 50);
  for (const hbtest::VectorCase& c : cases) {
    SCOPE("lines.tsv line " + std::to_string(c.line_number) + ": " + c.fields[0]);
    REQUIRE(c.fields.size() == 2);
    const std::string input = hbtest::unescape(c.fields[0]);  // the tokens point into it
    hb::DecodedLine d = decode(input);
    std::vector<std::string> want = hbtest::split(c.fields[1], ' ');
    const std::string& kind = want[0];
    if (kind == "reading") {
      REQUIRE(want.size() == 5);
      CHECK_EQ(static_cast<int>(d.kind), static_cast<int>(hb::LineKind::kReading));
      CHECK_EQ(d.seq, static_cast<uint32_t>(std::strtoul(want[1].c_str(), nullptr, 10)));
      CHECK_EQ(d.millis, static_cast<uint32_t>(std::strtoul(want[2].c_str(), nullptr, 10)));
      CHECK_EQ(d.temperature, std::strtod(want[3].c_str(), nullptr));
      CHECK_EQ(d.humidity, std::strtod(want[4].c_str(), nullptr));
      CHECK(!std::signbit(d.temperature) || d.temperature != 0);
    } else if (kind == "hello") {
      REQUIRE(want.size() == 5);
      CHECK_EQ(static_cast<int>(d.kind), static_cast<int>(hb::LineKind::kHello));
      CHECK_EQ(token(d.device), want[1]);
      CHECK_EQ(token(d.fw), want[2]);
      CHECK_EQ(token(d.boot), want[3]);
      CHECK_EQ(d.ack, want[4] == "1");
    } else if (kind == "ack") {
      CHECK_EQ(static_cast<int>(d.kind), static_cast<int>(hb::LineKind::kAck));
      CHECK_EQ(d.seq, static_cast<uint32_t>(std::strtoul(want[1].c_str(), nullptr, 10)));
    } else if (kind == "blank") {
      CHECK_EQ(static_cast<int>(d.kind), static_cast<int>(hb::LineKind::kBlank));
    } else if (kind == "error") {
      CHECK_EQ(static_cast<int>(d.kind), static_cast<int>(hb::LineKind::kError));
      CHECK_STR(hb::line_error_code(d.error), want[1]);
    } else {
      hbtest::fail(__FILE__, __LINE__, "unknown expectation '" + kind + "' in the vector file");
    }
  }
}

TEST(reading_is_encoded_with_one_decimal_like_the_classroom_sketch) {
  struct Case {
    hb::Reading r;
    const char* line;
  } cases[] = {
      {{12, 1234567, 28.3f, 65.2f}, "12,1234567,28.3,65.2"},
      {{0, 0, 0.0f, 0.0f}, "0,0,0.0,0.0"},
      {{4294967295u, 4294967295u, -40.0f, 100.0f}, "4294967295,4294967295,-40.0,100.0"},
      {{7, 35012, 21.25f, 40.75f}, "7,35012,21.3,40.8"},  // halves round away from zero
      {{7, 35012, -5.25f, 0.04f}, "7,35012,-5.3,0.0"},
      {{7, 35012, -0.04f, 50.0f}, "7,35012,0.0,50.0"},   // no "-0.0"
  };
  for (const Case& c : cases) {
    SCOPE(c.line);
    hb::TextBuf<64> out;
    hb::encode_reading(c.r, out);
    CHECK_STR(out.c_str(), c.line);
  }
}

TEST(encoded_readings_decode_to_the_same_values) {
  for (int t10 = -400; t10 <= 800; t10 += 7) {
    hb::Reading r{static_cast<uint32_t>(t10 + 400), 1000u * static_cast<uint32_t>(t10 + 400), t10 / 10.0f,
                  static_cast<float>((t10 + 400) % 1001) / 10.0f};
    hb::TextBuf<64> out;
    hb::encode_reading(r, out);
    SCOPE(out.c_str());
    hb::DecodedLine d = decode(out.c_str());
    REQUIRE(d.kind == hb::LineKind::kReading);
    CHECK_EQ(d.seq, r.seq);
    CHECK_EQ(d.millis, r.millis);
    CHECK(std::fabs(d.temperature - r.temperature) < 0.051);
    CHECK(std::fabs(d.humidity - r.humidity) < 0.051);
  }
}

TEST(hello_is_encoded_as_the_protocol_says_and_decodes_back) {
  hb::TextBuf<160> out;
  hb::encode_hello("esp-a1b2c3", "0.1.0", "5f3a9c01", true, out);
  const std::string line = out.c_str();
  CHECK_STR(line, "#hello device=esp-a1b2c3 fw=0.1.0 boot=5f3a9c01 ack=1");
  hb::DecodedLine d = decode(line);
  REQUIRE(d.kind == hb::LineKind::kHello);
  CHECK_STR(token(d.device), "esp-a1b2c3");
  CHECK_STR(token(d.fw), "0.1.0");
  CHECK_STR(token(d.boot), "5f3a9c01");
  CHECK(d.ack);
}

TEST(tokens_follow_the_hello_rules) {
  CHECK(hb::valid_token("node-01", 32));
  CHECK(hb::valid_token("18:fe:34:a1:b2:c3", 32));
  CHECK(hb::valid_token("a.b_c+d", 32));
  CHECK(!hb::valid_token("", 32));
  CHECK(!hb::valid_token("n/1", 32));
  CHECK(!hb::valid_token("with space", 32));
  CHECK(!hb::valid_token("abcdefghijabcdefghijabcdefghijabc", 32));
  CHECK(hb::valid_token("abcdefghijabcdefghijabcdefghijab", 32));
}
