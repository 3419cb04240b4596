#include "DHT.h"

#include <math.h>

#include "../runtime/chip_context.h"
#include "Arduino.h"

namespace {
float tenths(float v) { return roundf(v * 10.0f) / 10.0f; }
}  // namespace

DHT::DHT(uint8_t pin, uint8_t type, uint8_t) : pin_(pin), type_(type) {}

void DHT::begin(uint8_t) {
  pinMode(pin_, INPUT_PULLUP);
  ever_read_ = false;
}

bool DHT::read(bool force) {
  uint32_t now = static_cast<uint32_t>(millis());
  if (!force && ever_read_ && now - last_read_ms_ < kMinIntervalMs) return last_result_;
  ever_read_ = true;
  last_read_ms_ = now;
  hb_host::SharedState* shared = hb_host::chip_context().shared;
  if (shared == nullptr || shared->sensor_fail.load()) {
    last_result_ = false;  // the library's "Timeout waiting for start signal"
    return false;
  }
  temperature_ = tenths(shared->temperature.load());
  humidity_ = tenths(shared->humidity.load());
  last_result_ = true;
  return true;
}

float DHT::readTemperature(bool fahrenheit, bool force) {
  if (!read(force)) return NAN;
  return fahrenheit ? convertCtoF(temperature_) : temperature_;
}

float DHT::readHumidity(bool force) { return read(force) ? humidity_ : NAN; }

float DHT::computeHeatIndex(bool is_fahrenheit) {
  float t = readTemperature(is_fahrenheit);
  return computeHeatIndex(t, readHumidity(), is_fahrenheit);
}

// The NOAA heat index (Rothfusz regression with Steadman's simple formula below 80 F), as the
// Adafruit library computes it.
float DHT::computeHeatIndex(float temperature, float humidity, bool is_fahrenheit) {
  if (!is_fahrenheit) temperature = convertCtoF(temperature);
  float hi = 0.5f * (temperature + 61.0f + ((temperature - 68.0f) * 1.2f) + (humidity * 0.094f));
  if (hi > 79) {
    hi = -42.379f + 2.04901523f * temperature + 10.14333127f * humidity - 0.22475541f * temperature * humidity -
         0.00683783f * powf(temperature, 2) - 0.05481717f * powf(humidity, 2) +
         0.00122874f * powf(temperature, 2) * humidity + 0.00085282f * temperature * powf(humidity, 2) -
         0.00000199f * powf(temperature, 2) * powf(humidity, 2);
    if (humidity < 13 && temperature >= 80.0f && temperature <= 112.0f) {
      hi -= ((13.0f - humidity) * 0.25f) * sqrtf((17.0f - fabsf(temperature - 95.0f)) * 0.05882f);
    } else if (humidity > 85.0f && temperature >= 80.0f && temperature <= 87.0f) {
      hi += ((humidity - 85.0f) * 0.1f) * ((87.0f - temperature) * 0.2f);
    }
  }
  return is_fahrenheit ? hi : convertFtoC(hi);
}
