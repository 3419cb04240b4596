// Cuts a byte stream into lines, whatever its segmentation: the C++ twin of the Java
// LineFramer, held to the shared vector file protocol/.../framing.tsv.
//
// A line ends at LF; one CR right before the LF belongs to the terminator. A line longer than
// the limit is reported once with its first bytes and skipped up to its LF without being
// buffered, so memory stays bounded whatever the peer sends. The buffer is the owner's.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hb {

class FrameSink {
 public:
  // A complete line without its terminator; the bytes are valid during the call only.
  virtual void line(const uint8_t* data, size_t len) = 0;
  // A line longer than the limit began; `head` holds its first `len` (= limit) bytes.
  virtual void oversize(const uint8_t* head, size_t len) = 0;
  // The stream ended inside a line.
  virtual void truncated(const uint8_t* data, size_t len) = 0;

 protected:
  ~FrameSink() = default;  // never deleted through the interface (no heap)
};

class LineFramer {
 public:
  // `buffer` must hold max_line_length + 1 bytes (room for the CR of a full-length line).
  LineFramer(uint8_t* buffer, size_t max_line_length);

  void feed(const uint8_t* data, size_t len, FrameSink& sink);
  void end_of_stream(FrameSink& sink);
  // Forgets a partial line (a new connection starts clean).
  void reset();

  size_t pending_bytes() const { return pending_; }
  size_t max_line_length() const { return max_; }

 private:
  void finish_pending_line(const uint8_t* data, size_t len, FrameSink& sink);
  void keep(const uint8_t* data, size_t len, FrameSink& sink);

  uint8_t* buf_;
  size_t max_;
  size_t pending_ = 0;
  bool discarding_ = false;
};

template <size_t MaxLineLength>
class FixedLineFramer : public LineFramer {
 public:
  FixedLineFramer() : LineFramer(storage_, MaxLineLength) {}

 private:
  uint8_t storage_[MaxLineLength + 1];
};

}  // namespace hb
