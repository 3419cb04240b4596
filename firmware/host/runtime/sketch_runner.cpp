#include <time.h>
#include <unistd.h>

#include "chip_context.h"

// The sketch's two functions, as every Arduino sketch defines them.
void setup();
void loop();

namespace hb_host {

void run_sketch() {
  chip_context().boot_ns = Pacer::now_ns();
  setup();
  for (;;) {
    loop();
    // The ESP8266 core runs the Wi-Fi stack between loop() calls; here the sketch just lets the
    // host breathe, so an idle node costs next to no CPU.
    timespec pause{0, 1000000};
    nanosleep(&pause, nullptr);
  }
}

}  // namespace hb_host
