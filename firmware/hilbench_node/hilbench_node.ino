// hilbench NodeMCU firmware: a DHT11 on D2 reporting over TCP to the hilbench server.
//
// Board: NodeMCU 1.0 (ESP-12E), ESP8266 Arduino core and the Adafruit DHT library, pinned in
// sketch.yaml (see firmware/README.md). Every decision lives in the portable core (the
// hilbench_core library in firmware/core); this sketch wires the hardware to it. The same file
// builds for the host as the virtual NodeMCU.
#include <DHT.h>
#include <EEPROM.h>
#include <ESP8266WiFi.h>
#include <hb_node.h>

#include "arduino_board.h"

static DHT dht(D2, DHT11);
static WiFiClient wifi_client;
static NodeMcuBoard board(wifi_client, dht);
static hb::Node node(board.hardware());

void setup() {
  Serial.begin(115200);
  EEPROM.begin(hb::kSettingsImageSize);
  dht.begin();
  WiFi.persistent(false);  // the node's settings hold the credentials; spare the SDK's flash sector
  WiFi.mode(WIFI_STA);
  node.begin();
}

void loop() {
  char typed[64];
  size_t n = 0;
  while (n < sizeof(typed) && Serial.available() > 0) typed[n++] = static_cast<char>(Serial.read());
  if (n > 0) node.console_input(typed, n);
  node.poll();
}
