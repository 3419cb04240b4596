// The ESP8266 compile check's program: the node with every hardware interface bound to nothing,
// so that the linker keeps exactly the code the sketch's logic needs on the chip, and the size
// report says what the core costs in flash and RAM. Never run; only compiled and linked.
#include <hb_node.h>

namespace {

class NoClient : public hb::Client {
 public:
  int connect(const char*, uint16_t) override { return 0; }
  size_t write(const uint8_t*, size_t) override { return 0; }
  int available() override { return 0; }
  int read(uint8_t*, size_t) override { return -1; }
  uint8_t connected() override { return 0; }
  void stop() override {}
};

class Cycles : public hb::Clock {
 public:
  uint32_t millis() override { return ++ticks; }
  volatile uint32_t ticks = 0;
};

class NoSensor : public hb::Sensor {
 public:
  bool read(float*, float*) override { return false; }
};

class NoRadio : public hb::Radio {
 public:
  void begin(const char*, const char*) override {}
  bool connected() override { return false; }
  void local_ip(hb::Text&) override {}
};

class NoStorage : public hb::Storage {
 public:
  bool load(uint8_t*, size_t) override { return false; }
  bool save(const uint8_t*, size_t) override { return false; }
};

class NoOutput : public hb::Output {
 public:
  void write(const char*, size_t) override {}
};

class NoChip : public hb::Chip {
 public:
  uint32_t chip_id() override { return 0; }
  uint32_t hardware_random() override { return 4; }
  void restart() override {}
};

NoClient client;
Cycles clock;
NoSensor sensor;
NoRadio radio;
NoStorage storage;
NoOutput serial;
NoChip chip;
hb::Node node(hb::Hardware{client, clock, sensor, radio, storage, serial, chip});

}  // namespace

// What a call through a pure virtual slot does; the ESP8266 core (and libsupc++) define it.
extern "C" void __cxa_pure_virtual() {
  for (;;) {
  }
}

int main() {
  node.begin();
  for (;;) {
    node.console_input("status\r", 7);
    node.poll();
  }
}
