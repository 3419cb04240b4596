// The Arduino core API for the host build of a NodeMCU sketch (the "virtual NodeMCU"): the parts
// the ESP8266 Arduino core offers that hilbench's and the classroom's sketches use. Compile a
// sketch with `-include Arduino.h`, as the Arduino builder does.
#pragma once

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>

typedef bool boolean;
typedef uint8_t byte;

#define HIGH 0x1
#define LOW 0x0
#define INPUT 0x00
#define INPUT_PULLUP 0x02
#define OUTPUT 0x01

// NodeMCU 1.0 pin labels and their GPIO numbers.
static const uint8_t D0 = 16, D1 = 5, D2 = 4, D3 = 0, D4 = 2, D5 = 14, D6 = 12, D7 = 13, D8 = 15;
static const uint8_t RX = 3, TX = 1;
static const uint8_t LED_BUILTIN = 2;
static const uint8_t A0 = 17;

#define PROGMEM
#define PSTR(s) (s)
#define F(s) (s)
#define ICACHE_RAM_ATTR
#define IRAM_ATTR
#define ICACHE_FLASH_ATTR

using std::max;
using std::min;
template <typename T, typename L, typename H>
T constrain(T x, L low, H high) {
  return x < low ? low : (x > high ? high : x);
}
long map(long x, long in_min, long in_max, long out_min, long out_max);

unsigned long millis();
unsigned long micros();
void delay(unsigned long ms);
void delayMicroseconds(unsigned int us);
void yield();

// GPIO: the virtual board has no pins wired; levels written are kept and read back.
void pinMode(uint8_t pin, uint8_t mode);
void digitalWrite(uint8_t pin, uint8_t value);
int digitalRead(uint8_t pin);

// random() draws from the hardware generator, or from randomSeed()'s seed once it is called.
long random(long howbig);
long random(long howsmall, long howbig);
void randomSeed(unsigned long seed);

#include "Esp.h"
#include "HardwareSerial.h"
#include "WString.h"

void setup();
void loop();
