// What the node needs from the board, as small interfaces. The sketch implements them with
// WiFiClient, the DHT, EEPROM and Serial; the tests implement them with fakes. No Arduino
// headers here: the same core compiles for the ESP8266, the host and the tests.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_text.h"

namespace hb {

// A TCP client, the subset of Arduino's Client that PubSubClient also relies on.
class Client {
 public:
  virtual int connect(const char* host, uint16_t port) = 0;  // 1 on success
  virtual size_t write(const uint8_t* data, size_t len) = 0;  // bytes accepted
  virtual int available() = 0;
  virtual int read(uint8_t* buf, size_t len) = 0;  // bytes read, or <= 0
  virtual uint8_t connected() = 0;
  virtual void stop() = 0;

 protected:
  ~Client() = default;  // never deleted through the interface (no heap)
};

class Clock {
 public:
  virtual uint32_t millis() = 0;  // uptime; wraps after 49.7 days like Arduino's millis()

 protected:
  ~Clock() = default;  // never deleted through the interface (no heap)
};

class Sensor {
 public:
  // False when the read failed (the DHT returned NaN).
  virtual bool read(float* temperature, float* humidity) = 0;

 protected:
  ~Sensor() = default;  // never deleted through the interface (no heap)
};

// The station interface of the Wi-Fi radio.
class Radio {
 public:
  // Joins `ssid`; an empty ssid means "the network the chip remembers".
  virtual void begin(const char* ssid, const char* password) = 0;
  virtual bool connected() = 0;
  virtual void local_ip(Text& out) = 0;

 protected:
  ~Radio() = default;  // never deleted through the interface (no heap)
};

// Where settings persist across reboots (EEPROM on the board).
class Storage {
 public:
  virtual bool load(uint8_t* data, size_t len) = 0;
  virtual bool save(const uint8_t* data, size_t len) = 0;

 protected:
  ~Storage() = default;  // never deleted through the interface (no heap)
};

// The serial console's output side.
class Output {
 public:
  virtual void write(const char* data, size_t len) = 0;

 protected:
  ~Output() = default;  // never deleted through the interface (no heap)
};

class Chip {
 public:
  virtual uint32_t chip_id() = 0;
  // A value from the hardware random generator: different at every boot, never seeded.
  virtual uint32_t hardware_random() = 0;
  // Resets the chip; does not return.
  virtual void restart() = 0;

 protected:
  ~Chip() = default;  // never deleted through the interface (no heap)
};

struct Hardware {
  Client& client;
  Clock& clock;
  Sensor& sensor;
  Radio& radio;
  Storage& storage;
  Output& serial;
  Chip& chip;
};

}  // namespace hb
