// The C++ framer against the shared framing vectors, whole, byte by byte, at every two-way split
// and at seeded random splits.
#include <random>
#include <string>
#include <vector>

#include "hb_line_framer.h"
#include "hbtest.h"
#include "vectors.h"

namespace {

class Recorder : public hb::FrameSink {
 public:
  std::vector<std::string> events;
  void line(const uint8_t* d, size_t n) override { events.push_back("line:" + bytes(d, n)); }
  void oversize(const uint8_t* d, size_t n) override { events.push_back("oversize:" + bytes(d, n)); }
  void truncated(const uint8_t* d, size_t n) override { events.push_back("truncated:" + bytes(d, n)); }

 private:
  static std::string bytes(const uint8_t* d, size_t n) { return std::string(reinterpret_cast<const char*>(d), n); }
};

std::vector<std::string> frame(size_t max, const std::string& stream, const std::vector<size_t>& cuts) {
  std::vector<uint8_t> buffer(max + 1);
  hb::LineFramer framer(buffer.data(), max);
  Recorder sink;
  size_t from = 0;
  std::vector<size_t> ends = cuts;
  ends.push_back(stream.size());
  for (size_t to : ends) {
    framer.feed(reinterpret_cast<const uint8_t*>(stream.data()) + from, to - from, sink);
    from = to;
  }
  framer.end_of_stream(sink);
  return sink.events;
}

std::string show(const std::vector<std::string>& events) {
  std::string out;
  for (const std::string& e : events) out += "[" + hbtest::escape(e) + "] ";
  return out;
}

}  // namespace

TEST(framer_passes_every_shared_framing_vector_whatever_the_split) {
  std::vector<hbtest::VectorCase> cases = hbtest::read_vectors("framing.tsv");
  CHECK(cases.size() > 15);
  std::mt19937_64 rng(hbtest::seed());
  for (const hbtest::VectorCase& c : cases) {
    SCOPE("framing.tsv line " + std::to_string(c.line_number));
    REQUIRE(c.fields.size() >= 2);
    size_t max = std::stoul(c.fields[0]);
    std::string stream = hbtest::unescape(c.fields[1]);
    std::vector<std::string> want;
    for (size_t i = 2; i < c.fields.size(); i++) want.push_back(hbtest::unescape(c.fields[i]));

    std::vector<std::vector<size_t>> splits;
    splits.push_back({});  // whole
    std::vector<size_t> bytewise;
    for (size_t i = 1; i < stream.size(); i++) bytewise.push_back(i);
    splits.push_back(bytewise);
    for (size_t i = 1; i < stream.size(); i++) splits.push_back({i});
    for (int r = 0; r < 20 && stream.size() > 1; r++) {
      std::vector<size_t> cuts;
      for (size_t i = 1; i < stream.size(); i++) {
        if (rng() % 3 == 0) cuts.push_back(i);
      }
      splits.push_back(cuts);
    }
    for (const std::vector<size_t>& cuts : splits) {
      std::vector<std::string> got = frame(max, stream, cuts);
      if (got != want) {
        std::string at;
        for (size_t cut : cuts) at += std::to_string(cut) + " ";
        hbtest::fail(__FILE__, __LINE__, "cut at { " + at + "}\n      got:  " + show(got) + "\n      want: " + show(want));
        break;
      }
    }
  }
}

TEST(framer_memory_stays_bounded_by_its_buffer) {
  hb::FixedLineFramer<8> framer;
  Recorder sink;
  std::string junk(10000, 'x');
  framer.feed(reinterpret_cast<const uint8_t*>(junk.data()), junk.size(), sink);
  CHECK(framer.pending_bytes() <= 9);
  std::string tail = "\nok\n";
  framer.feed(reinterpret_cast<const uint8_t*>(tail.data()), tail.size(), sink);
  REQUIRE(sink.events.size() == 2);
  CHECK_STR(sink.events[0], "oversize:xxxxxxxx");
  CHECK_STR(sink.events[1], "line:ok");
}
