// SLIP framing as the ESP8266 ROM uses it: every frame is C0 ... C0, with DB DD for DB and
// DB DC for C0 inside. The decoder is a byte-at-a-time state machine, so input may arrive
// split anywhere or with many frames in one read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rom {

constexpr uint8_t kSlipEnd = 0xC0;
constexpr uint8_t kSlipEsc = 0xDB;
constexpr uint8_t kSlipEscEnd = 0xDC;
constexpr uint8_t kSlipEscEsc = 0xDD;

// Appends C0 + escaped data + C0 to `out`.
void slip_encode(const uint8_t* data, size_t len, std::vector<uint8_t>& out);

class SlipDecoder {
 public:
  // Largest decoded frame kept: a 16 KiB data block (the stub's block size) plus headers.
  // The ROM itself is sent 1 KiB flash blocks and 6 KiB RAM blocks.
  static constexpr size_t kMaxFrame = 0x4000 + 64;

  enum class Event {
    None,      // byte consumed, nothing complete
    Frame,     // frame() holds a complete decoded frame (valid until the next push)
    BadEscape, // DB followed by something else than DC/DD: the frame is dropped
    Overflow,  // frame longer than kMaxFrame: the frame is dropped
  };

  Event push(uint8_t byte);
  const std::vector<uint8_t>& frame() const { return frame_; }
  void reset();

 private:
  enum class State {
    Idle,     // outside a frame: everything but C0 is noise (boot log, line glitches)
    InFrame,
    Escape,   // after DB
    Discard,  // a broken frame: skip to its closing C0
  };
  State state_ = State::Idle;
  std::vector<uint8_t> frame_;
};

}  // namespace rom
