#include "rom_slip.h"

namespace rom {

void slip_encode(const uint8_t* data, size_t len, std::vector<uint8_t>& out) {
  out.push_back(kSlipEnd);
  for (size_t i = 0; i < len; ++i) {
    const uint8_t b = data[i];
    if (b == kSlipEsc) {
      out.push_back(kSlipEsc);
      out.push_back(kSlipEscEsc);
    } else if (b == kSlipEnd) {
      out.push_back(kSlipEsc);
      out.push_back(kSlipEscEnd);
    } else {
      out.push_back(b);
    }
  }
  out.push_back(kSlipEnd);
}

void SlipDecoder::reset() {
  state_ = State::Idle;
  frame_.clear();
}

SlipDecoder::Event SlipDecoder::push(uint8_t b) {
  switch (state_) {
    case State::Idle:
      if (b == kSlipEnd) {
        frame_.clear();
        state_ = State::InFrame;
      }
      return Event::None;

    case State::InFrame:
      if (b == kSlipEnd) {
        // C0 C0: an empty frame carries nothing, so take the second C0 as the start of the next
        // frame. This is what resynchronises a reader that started in the middle of a frame.
        if (frame_.empty()) return Event::None;
        state_ = State::Idle;
        return Event::Frame;
      }
      if (b == kSlipEsc) {
        state_ = State::Escape;
        return Event::None;
      }
      break;

    case State::Escape:
      if (b == kSlipEscEnd) {
        b = kSlipEnd;
      } else if (b == kSlipEscEsc) {
        b = kSlipEsc;
      } else {
        // A C0 here both ends the broken frame and leaves us outside any frame.
        state_ = b == kSlipEnd ? State::Idle : State::Discard;
        frame_.clear();
        return Event::BadEscape;
      }
      state_ = State::InFrame;
      break;

    case State::Discard:
      if (b == kSlipEnd) state_ = State::Idle;
      return Event::None;
  }

  if (frame_.size() >= kMaxFrame) {
    state_ = State::Discard;
    frame_.clear();
    return Event::Overflow;
  }
  frame_.push_back(b);
  return Event::None;
}

}  // namespace rom
