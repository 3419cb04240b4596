#include "uart.h"

#include <errno.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

namespace hb_host {

Uart::Uart(int master, int slave, uint32_t baud) : master_(master), slave_(slave), tx_(baud), rx_(baud) {}

void Uart::write(const uint8_t* data, size_t len) {
  while (len > 0) {
    size_t chunk = tx_.paced() ? std::min(len, Pacer::kFifoBytes) : len;
    int64_t wait = tx_.wait_ns(chunk, Pacer::now_ns());
    if (wait > 0) {
      timespec ts{static_cast<time_t>(wait / 1000000000), static_cast<long>(wait % 1000000000)};
      nanosleep(&ts, nullptr);
    }
    tx_.consume(chunk);
    write_now(data, chunk);
    data += chunk;
    len -= chunk;
  }
}

void Uart::write_now(const uint8_t* data, size_t len) {
  bool flushed = false;
  while (len > 0) {
    ssize_t n = ::write(master_, data, len);
    if (n > 0) {
      data += n;
      len -= static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && !flushed && slave_ >= 0) {
      // Nobody is reading: make room by dropping the oldest unread output.
      tcflush(slave_, TCIFLUSH);
      flushed = true;
      continue;
    }
    dropped_ += len;
    return;
  }
}

size_t Uart::read(uint8_t* buf, size_t max) {
  size_t allowed = std::min(max, rx_.allowance(Pacer::now_ns()));
  if (allowed == 0) return 0;
  ssize_t n;
  do {
    n = ::read(master_, buf, allowed);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return 0;  // EAGAIN: nothing there; EIO: nobody attached (cannot happen: we hold a slave)
  rx_.consume(static_cast<size_t>(n));
  return static_cast<size_t>(n);
}

int Uart::input_wait_ms() {
  int64_t wait = rx_.wait_ns(1, Pacer::now_ns());
  return wait <= 0 ? 0 : static_cast<int>((wait + 999999) / 1000000);
}

void Uart::discard_input() { tcflush(master_, TCIFLUSH); }

}  // namespace hb_host
