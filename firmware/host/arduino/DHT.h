// The Adafruit DHT library's API on a simulated sensor fed by the side channel (`sensor <t> <h>`,
// `sensor fail`, `sensor ok`). Like the library it reads the sensor at most every 2 s and returns
// the last result in between, and it gives NaN when the read fails. Values come in the DHT11's
// 0.1 steps.
#pragma once

#include <stdint.h>

#define DHT11 11
#define DHT12 12
#define DHT21 21
#define DHT22 22
#define AM2301 21

class DHT {
 public:
  static constexpr uint32_t kMinIntervalMs = 2000;

  DHT(uint8_t pin, uint8_t type, uint8_t count = 6);
  void begin(uint8_t usec = 55);
  float readTemperature(bool fahrenheit = false, bool force = false);
  float readHumidity(bool force = false);
  bool read(bool force = false);
  float convertCtoF(float c) { return c * 1.8f + 32; }
  float convertFtoC(float f) { return (f - 32) * 0.55555f; }
  float computeHeatIndex(bool is_fahrenheit = true);
  float computeHeatIndex(float temperature, float humidity, bool is_fahrenheit = true);

 private:
  uint8_t pin_, type_;
  uint32_t last_read_ms_ = 0;
  bool last_result_ = false;
  bool ever_read_ = false;
  float temperature_ = 0, humidity_ = 0;
};
