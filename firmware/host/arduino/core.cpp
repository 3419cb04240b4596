// Time, GPIO and random numbers of the Arduino core, on the host.
#include <sys/random.h>
#include <time.h>

#include <random>

#include "../runtime/chip_context.h"
#include "Arduino.h"
#include "WiFiClient.h"

namespace {

uint8_t pin_levels[32];
bool random_seeded = false;
std::minstd_rand seeded_random;

int64_t since_boot_ns() { return hb_host::Pacer::now_ns() - hb_host::chip_context().boot_ns; }

}  // namespace

// Unsigned 32-bit like the ESP8266's: millis() wraps after 49.7 days, micros() after 71.6 minutes.
unsigned long millis() { return static_cast<uint32_t>(since_boot_ns() / 1000000); }
unsigned long micros() { return static_cast<uint32_t>(since_boot_ns() / 1000); }

void delay(unsigned long ms) {
  hb_host::network_tick();
  timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

void delayMicroseconds(unsigned int us) {
  timespec ts{0, static_cast<long>(us) * 1000};
  nanosleep(&ts, nullptr);
}

void yield() { hb_host::network_tick(); }

void pinMode(uint8_t pin, uint8_t mode) {
  if (pin < sizeof(pin_levels) && mode == INPUT_PULLUP) pin_levels[pin] = HIGH;
}

void digitalWrite(uint8_t pin, uint8_t value) {
  if (pin < sizeof(pin_levels)) pin_levels[pin] = value ? HIGH : LOW;
}

int digitalRead(uint8_t pin) { return pin < sizeof(pin_levels) ? pin_levels[pin] : LOW; }

long random(long howbig) {
  if (howbig <= 0) return 0;
  uint32_t r = random_seeded ? static_cast<uint32_t>(seeded_random()) : ESP.random();
  return static_cast<long>(r % static_cast<uint32_t>(howbig));
}

long random(long howsmall, long howbig) {
  if (howsmall >= howbig) return howsmall;
  return random(howbig - howsmall) + howsmall;
}

void randomSeed(unsigned long seed) {
  if (seed == 0) return;  // as on Arduino: a zero seed is ignored
  seeded_random.seed(static_cast<std::minstd_rand::result_type>(seed));
  random_seeded = true;
}

long map(long x, long in_min, long in_max, long out_min, long out_max) {
  if (in_max == in_min) return out_min;
  return (x - in_min) * (out_max - out_min) / (in_max - in_min) + out_min;
}
