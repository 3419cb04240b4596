// The chip's UART0 as seen from the host: the master side of the pseudo-terminal, paced like a
// real UART when asked. Used by the ROM (in the board process) and by Serial (in the sketch).
//
// Output never blocks on a reader that is not there: when the terminal's buffer is full, the
// oldest unread output is discarded (as a UART with nobody listening loses it) and the write is
// tried again; if it still does not fit, the rest is dropped and counted.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pacer.h"

namespace hb_host {

class Uart {
 public:
  // `master`: the pty master (non-blocking). `slave`: the board's own slave descriptor, through
  // which stale output is flushed.
  Uart(int master, int slave, uint32_t baud);

  // Writes all of `data`, sleeping as the baud rate requires.
  void write(const uint8_t* data, size_t len);
  // Reads what has arrived and the baud rate lets through; never blocks. 0 if nothing.
  size_t read(uint8_t* buf, size_t max);
  // Milliseconds until the baud rate lets another byte in (0: now).
  int input_wait_ms();
  // Throws away input not read yet (bytes that arrived while the chip was in reset).
  void discard_input();
  int master_fd() const { return master_; }
  uint64_t dropped_bytes() const { return dropped_; }

 private:
  void write_now(const uint8_t* data, size_t len);
  int master_;
  int slave_;
  Pacer tx_, rx_;
  uint64_t dropped_ = 0;
};

}  // namespace hb_host
