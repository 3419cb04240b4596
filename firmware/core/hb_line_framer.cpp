#include "hb_line_framer.h"

#include <string.h>

namespace hb {

LineFramer::LineFramer(uint8_t* buffer, size_t max_line_length) : buf_(buffer), max_(max_line_length) {}

void LineFramer::reset() {
  pending_ = 0;
  discarding_ = false;
}

void LineFramer::feed(const uint8_t* data, size_t len, FrameSink& sink) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    if (data[i] != '\n') continue;
    if (discarding_) {
      discarding_ = false;
    } else if (pending_ == 0) {
      // The whole line lies in this chunk: hand it over without copying.
      size_t line_len = i - start;
      if (line_len > 0 && data[i - 1] == '\r') line_len--;
      if (line_len > max_) {
        sink.oversize(data + start, max_);
      } else {
        sink.line(data + start, line_len);
      }
    } else {
      finish_pending_line(data + start, i - start, sink);
    }
    start = i + 1;
  }
  if (start < len && !discarding_) keep(data + start, len - start, sink);
}

void LineFramer::end_of_stream(FrameSink& sink) {
  if (pending_ > 0 && !discarding_) sink.truncated(buf_, pending_);
  reset();
}

void LineFramer::finish_pending_line(const uint8_t* data, size_t len, FrameSink& sink) {
  size_t total = pending_ + len;
  if (total > max_ + 1) {
    // Too long even for max bytes plus CR: report its first max bytes, as the other paths do,
    // so that the report does not depend on where the stream was split.
    if (pending_ < max_) memcpy(buf_ + pending_, data, max_ - pending_);
    pending_ = 0;
    sink.oversize(buf_, max_);
    return;
  }
  memcpy(buf_ + pending_, data, len);
  size_t line_len = total;
  if (line_len > 0 && buf_[line_len - 1] == '\r') line_len--;
  pending_ = 0;
  if (line_len > max_) {
    sink.oversize(buf_, max_);
  } else {
    sink.line(buf_, line_len);
  }
}

void LineFramer::keep(const uint8_t* data, size_t len, FrameSink& sink) {
  size_t room = max_ + 1 - pending_;
  if (len <= room) {
    memcpy(buf_ + pending_, data, len);
    pending_ += len;
    return;
  }
  // The line outgrew the buffer before its LF: report it now and skip the rest.
  memcpy(buf_ + pending_, data, room);
  pending_ = 0;
  discarding_ = true;
  sink.oversize(buf_, max_);
}

}  // namespace hb
