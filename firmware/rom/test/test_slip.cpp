// SLIP: the reference's escape vector, and the decoder's state machine on hostile input.
#include "check.h"
#include "helpers.h"
#include "rom_slip.h"

using rom::SlipDecoder;
using t::Bytes;
using t::hex;

namespace {

struct Decoded {
  std::vector<Bytes> frames;
  int bad_escapes = 0;
  int overflows = 0;
};

Decoded decode(const Bytes& wire) {
  Decoded d;
  SlipDecoder decoder;
  for (uint8_t b : wire) {
    switch (decoder.push(b)) {
      case SlipDecoder::Event::Frame: d.frames.push_back(decoder.frame()); break;
      case SlipDecoder::Event::BadEscape: ++d.bad_escapes; break;
      case SlipDecoder::Event::Overflow: ++d.overflows; break;
      case SlipDecoder::Event::None: break;
    }
  }
  return d;
}

}  // namespace

TEST(slip_encodes_the_reference_vector) {
  // Reference section 8.1 (esp-serial-flasher's test): DB first, then C0.
  const Bytes raw = hex("db 61 62 63 c0 db 64 65 c0 66 db");
  CHECK_EQ(t::slip(raw), hex("c0 db dd 61 62 63 db dc db dd 64 65 db dc 66 db dd c0"));
}

TEST(slip_round_trips_every_byte_value) {
  Bytes raw;
  for (int i = 0; i < 256; ++i) raw.push_back(uint8_t(i));
  const Decoded d = decode(t::slip(raw));
  CHECK_EQ(d.frames.size(), size_t(1));
  if (!d.frames.empty()) CHECK_EQ(d.frames[0], raw);
}

TEST(slip_ignores_bytes_outside_frames) {
  // Boot-log noise before, between and after frames never becomes part of a frame.
  const Bytes wire = t::cat(t::cat(hex("65 74 73 0d 0a"), t::slip(hex("01 02"))),
                            t::cat(hex("ff 00 7e"), t::cat(t::slip(hex("03")), hex("aa bb"))));
  const Decoded d = decode(wire);
  CHECK_EQ(d.frames.size(), size_t(2));
  if (d.frames.size() == 2) {
    CHECK_EQ(d.frames[0], hex("01 02"));
    CHECK_EQ(d.frames[1], hex("03"));
  }
  CHECK_EQ(d.bad_escapes, 0);
}

TEST(slip_bad_escape_drops_only_that_frame) {
  const Bytes wire = t::cat(hex("c0 01 db 61 02 c0"), t::slip(hex("05 06")));
  const Decoded d = decode(wire);
  CHECK_EQ(d.bad_escapes, 1);
  CHECK_EQ(d.frames.size(), size_t(1));
  if (d.frames.size() == 1) CHECK_EQ(d.frames[0], hex("05 06"));
}

TEST(slip_escape_followed_by_end_drops_the_frame) {
  const Decoded d = decode(t::cat(hex("c0 01 db c0"), t::slip(hex("07"))));
  CHECK_EQ(d.bad_escapes, 1);
  CHECK_EQ(d.frames.size(), size_t(1));
  if (d.frames.size() == 1) CHECK_EQ(d.frames[0], hex("07"));
}

TEST(slip_resynchronises_after_starting_mid_frame) {
  // A reader that starts inside a frame sees its tail, then C0 C0 (end of that frame, start of
  // the next): the empty "frame" between them must not swallow the next real frame.
  const Decoded d = decode(hex("33 44 c0 c0 08 09 c0"));
  CHECK_EQ(d.frames.size(), size_t(1));
  if (d.frames.size() == 1) CHECK_EQ(d.frames[0], hex("08 09"));
}

TEST(slip_drops_an_overlong_frame_and_recovers) {
  Bytes wire{0xC0};
  wire.resize(1 + SlipDecoder::kMaxFrame + 10, 0x11);
  wire.push_back(0xC0);
  wire = t::cat(wire, t::slip(hex("0a")));
  const Decoded d = decode(wire);
  CHECK_EQ(d.overflows, 1);
  CHECK_EQ(d.frames.size(), size_t(1));
  if (d.frames.size() == 1) CHECK_EQ(d.frames[0], hex("0a"));
}

TEST(slip_keeps_a_frame_of_the_maximum_size) {
  const Bytes raw(SlipDecoder::kMaxFrame, 0xC0);  // every byte escaped: twice as long on the wire
  const Decoded d = decode(t::slip(raw));
  CHECK_EQ(d.overflows, 0);
  CHECK_EQ(d.frames.size(), size_t(1));
  if (d.frames.size() == 1) CHECK_EQ(d.frames[0].size(), raw.size());
}
