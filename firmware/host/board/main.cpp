// virtual-nodemcu: a NodeMCU on this machine. The board process owns the pseudo-terminal, the
// side channel, the flash and the ROM; each boot of the sketch is a child process (see board.h).
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "../runtime/chip_context.h"
#include "../runtime/shared_state.h"
#include "../runtime/uart.h"
#include "board.h"
#include "control_commands.h"
#include "control_server.h"
#include "log.h"
#include "options.h"
#include "pty.h"

namespace {

int signal_pipe[2] = {-1, -1};

void on_signal(int signo) {
  int saved = errno;
  unsigned char b = static_cast<unsigned char>(signo);
  ssize_t ignored = write(signal_pipe[1], &b, 1);
  (void)ignored;
  errno = saved;
}

// A file that disappears with the process, however it ends: created, unlinked at once, and
// reached through /proc/self/fd (which the sketch process inherits too).
std::string anonymous_file(const char* what) {
  char path[] = "/tmp/virtual-nodemcu-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    board::log("cannot create a temporary %s file: %s", what, strerror(errno));
    exit(1);
  }
  unlink(path);
  return "/proc/self/fd/" + std::to_string(fd);
}

void install_signal_handlers() {
  if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    perror("virtual-nodemcu: pipe");
    exit(1);
  }
  struct sigaction sa{};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  for (int signo : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaction(signo, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

void reset_signal_handlers() {
  for (int signo : {SIGTERM, SIGINT, SIGHUP}) signal(signo, SIG_DFL);
  close(signal_pipe[0]);
  close(signal_pipe[1]);
}

}  // namespace

int main(int argc, char** argv) {
  board::Options options;
  std::string error;
  if (!board::parse_options(argc, argv, &options, &error)) {
    if (error.empty()) {
      fputs(board::usage(), stdout);
      return 0;
    }
    fprintf(stderr, "virtual-nodemcu: %s\n\n%s", error.c_str(), board::usage());
    return 2;
  }
  install_signal_handlers();

  std::string flash_path = options.flash_path.empty() ? anonymous_file("flash") : options.flash_path;
  rom::FlashStore flash;
  if (!flash.open(flash_path.c_str())) {
    board::log("cannot open the flash file %s: %s", flash_path.c_str(), strerror(errno));
    return 1;
  }
  std::string eeprom_path = options.eeprom_path.empty() ? anonymous_file("EEPROM") : options.eeprom_path;
  int probe = open(eeprom_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (probe < 0) {
    board::log("cannot open the EEPROM file %s: %s", eeprom_path.c_str(), strerror(errno));
    return 1;
  }
  close(probe);

  board::Pty pty;
  board::ControlServer control;
  if (!board::open_pty(&pty, &error) || !control.listen(&error)) {
    board::log("%s", error.c_str());
    return 1;
  }

  hb_host::SharedState* shared = hb_host::create_shared_state();
  shared->temperature.store(options.temperature);
  shared->humidity.store(options.humidity);
  rom::ChipIdentity chip = options.chip_id_given ? rom::chip_with_id(options.chip_id) : rom::default_chip();
  hb_host::Uart uart(pty.master, pty.slave, options.pace_baud);
  hb_host::ChipContext& context = hb_host::chip_context();
  context.serial = &uart;
  context.shared = shared;
  context.chip_id = rom::chip_id_of(chip);
  context.flash_chip_id = chip.flash_id;
  std::array<uint8_t, 6> mac = rom::mac_of(chip);
  std::copy(mac.begin(), mac.end(), context.mac);
  context.eeprom_path = eeprom_path;

  board::Board chip_board(options, uart, flash, chip);
  chip_board.set_in_child([&control] {
    control.close_all();
    reset_signal_handlers();
  });

  board::log("chip id %06x, MAC %02x:%02x:%02x:%02x:%02x:%02x, flash %s, EEPROM %s%s", context.chip_id, mac[0],
             mac[1], mac[2], mac[3], mac[4], mac[5], options.flash_path.empty() ? "(temporary)" : flash_path.c_str(),
             options.eeprom_path.empty() ? "(temporary)" : eeprom_path.c_str(),
             options.pace_baud != 0 ? (", paced at " + std::to_string(options.pace_baud) + " baud").c_str() : "");
  chip_board.power_on();
  // Announced once the chip is out of reset: what a terminal types from now on reaches it.
  printf("serial %s\ncontrol 127.0.0.1:%u\nmode %s\n", pty.path.c_str(), control.port(),
         options.download ? "download" : "app");
  fflush(stdout);
  // Later changes are announced the same way, for whoever follows stdout.
  chip_board.set_on_mode([](board::Mode mode) {
    printf("mode %s\n", board::mode_name(mode));
    fflush(stdout);
  });

  bool quit = false;
  auto handler = [&](const std::string& line) { return board::run_control_command(chip_board, *shared, line, &quit); };
  while (!quit) {
    std::vector<pollfd> fds;
    fds.push_back({signal_pipe[0], POLLIN, 0});
    control.add_pollfds(fds);
    int timeout = -1;
    if (chip_board.owns_serial()) {
      int wait = chip_board.serial_wait_ms();
      if (wait <= 0) {
        fds.push_back({pty.master, POLLIN, 0});
      } else {
        timeout = wait;  // paced: the UART takes no more bytes until then
      }
    }
    int ready = poll(fds.data(), fds.size(), timeout);
    if (ready < 0 && errno != EINTR) {
      board::log("poll: %s", strerror(errno));
      break;
    }
    if (fds[0].revents != 0) {
      unsigned char signals[64];
      ssize_t n = read(signal_pipe[0], signals, sizeof(signals));
      for (ssize_t i = 0; i < n; i++) {
        if (signals[i] != SIGCHLD) quit = true;
      }
      int status;
      for (pid_t pid; (pid = waitpid(-1, &status, WNOHANG)) > 0;) chip_board.app_exited(pid, status);
    }
    control.service(fds, handler);
    if (chip_board.owns_serial()) chip_board.serial_readable();
  }
  chip_board.shut_down();
  control.close_all();
  flash.sync();
  board::log("quit");
  return 0;
}
