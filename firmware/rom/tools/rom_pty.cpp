// rom-pty: the ROM bootloader alone on a pseudo-terminal, for trying a flashing tool against the
// emulator without the rest of the virtual NodeMCU (which embeds the same library).
//
//   rom-pty --flash FILE [--chip-id HEX]
//
// Prints "serial /dev/pts/N" on stdout, answers the ESP8266 ROM protocol there, and when the tool
// hands control to the flashed code (FLASH_END(1), e.g. esptool --after soft_reset) prints the
// boot check, "boot ok version=<v> entry=0x..." or "boot fail <ROM text>: <detail>", and exits
// 0 or 1 once the tool has closed the port. The ROM's trace goes to stderr. Exit 2 on usage or
// setup errors.
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "rom.h"

namespace {

constexpr int kLingerMs = 3000;

struct FdSink : rom::ByteSink {
  explicit FdSink(int out) : fd(out) {}
  void write(const uint8_t* data, size_t len) override {
    while (len > 0) {
      const ssize_t n = ::write(fd, data, len);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::fprintf(stderr, "rom-pty: write: %s\n", std::strerror(errno));
        return;
      }
      data += n;
      len -= size_t(n);
    }
  }
  int fd;
};

int open_pty(int& slave_keeper, std::string& path) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) return -1;
  const char* name = ptsname(master);
  if (name == nullptr) return -1;
  path = name;
  // Holding the slave open keeps reads on the master from failing with EIO while no tool is
  // attached; raw mode keeps the line discipline from echoing or translating protocol bytes.
  slave_keeper = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave_keeper < 0) return -1;
  termios tio{};
  if (tcgetattr(slave_keeper, &tio) != 0) return -1;
  cfmakeraw(&tio);
  if (tcsetattr(slave_keeper, TCSANOW, &tio) != 0) return -1;
  return master;
}

}  // namespace

int main(int argc, char** argv) {
  const char* flash_path = nullptr;
  rom::ChipIdentity chip = rom::default_chip();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--flash" && i + 1 < argc) {
      flash_path = argv[++i];
    } else if (arg == "--chip-id" && i + 1 < argc) {
      chip = rom::chip_with_id(uint32_t(std::strtoul(argv[++i], nullptr, 16)));
    } else {
      std::fprintf(stderr, "usage: rom-pty --flash FILE [--chip-id HEX]\n");
      return 2;
    }
  }
  if (flash_path == nullptr) {
    std::fprintf(stderr, "usage: rom-pty --flash FILE [--chip-id HEX]\n");
    return 2;
  }

  rom::FlashStore flash;
  if (!flash.open(flash_path)) {
    std::fprintf(stderr, "rom-pty: cannot open flash file %s: %s\n", flash_path, std::strerror(errno));
    return 2;
  }
  int slave = -1;
  std::string pty_path;
  const int master = open_pty(slave, pty_path);
  if (master < 0) {
    std::fprintf(stderr, "rom-pty: cannot set up a pseudo-terminal: %s\n", std::strerror(errno));
    return 2;
  }
  std::printf("serial %s\n", pty_path.c_str());
  std::fflush(stdout);

  FdSink uart(master), trace(STDERR_FILENO);
  rom::Bootloader bootloader(flash, chip);
  bootloader.set_trace(&trace);
  rom::print_boot_banner(true, uart);

  uint8_t buf[4096];
  while (!bootloader.leave_requested()) {
    pollfd pfd{master, POLLIN, 0};
    if (poll(&pfd, 1, -1) < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "rom-pty: poll: %s\n", std::strerror(errno));
      return 2;
    }
    const ssize_t n = read(master, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) {
      std::fprintf(stderr, "rom-pty: read: %s\n", n == 0 ? "end of file" : std::strerror(errno));
      return 2;
    }
    bootloader.receive(buf, size_t(n), uart);
  }

  const rom::BootResult boot = rom::inspect_image(flash);
  if (boot.ok) {
    std::printf("boot ok version=%s entry=0x%08x\n", boot.version.c_str(), boot.entry);
  } else {
    std::printf("boot fail %s: %s\n", boot.message.c_str(), boot.detail.c_str());
  }
  std::fflush(stdout);
  // Keep the pseudo-terminal up until the tool lets go of it (reads then fail with EIO once our
  // own slave descriptor is closed too), so the tool's last settings on the port do not fail;
  // give up after a few quiet seconds.
  close(slave);
  for (;;) {
    pollfd pfd{master, POLLIN, 0};
    const int ready = poll(&pfd, 1, kLingerMs);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const ssize_t n = read(master, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
  }
  close(master);
  return boot.ok ? 0 : 1;
}
