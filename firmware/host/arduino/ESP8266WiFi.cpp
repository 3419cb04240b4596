#include "ESP8266WiFi.h"

#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>

#include "../runtime/chip_context.h"

ESP8266WiFiClass WiFi;

bool ESP8266WiFiClass::mode(WiFiMode_t m) {
  mode_ = m;
  if (m == WIFI_OFF) disconnect(true);
  return true;
}

wl_status_t ESP8266WiFiClass::begin(const char* ssid, const char* passphrase, int32_t, const uint8_t*, bool connect) {
  (void)passphrase;  // there is one network here, and it takes any password
  ssid_ = ssid != nullptr ? ssid : "";
  if (mode_ == WIFI_OFF) mode_ = WIFI_STA;
  begun_ = connect;
  associated_ = false;
  associating_ = false;
  return status();
}

wl_status_t ESP8266WiFiClass::begin() { return begin(ssid_.c_str(), nullptr); }

wl_status_t ESP8266WiFiClass::status() {
  hb_host::network_tick();
  if (!begun_) return WL_IDLE_STATUS;
  if (!hb_host::wifi_link_up()) {
    if (associated_ || associating_) {
      associated_ = false;
      associating_ = false;
      if (!auto_reconnect_) begun_ = false;
    }
    return WL_DISCONNECTED;
  }
  if (associated_) return WL_CONNECTED;
  if (!associating_) {
    associating_ = true;
    association_started_ = millis();
  }
  if (millis() - association_started_ < kAssociationMs) return WL_DISCONNECTED;
  associated_ = true;
  associating_ = false;
  return WL_CONNECTED;
}

int8_t ESP8266WiFiClass::waitForConnectResult(unsigned long timeout_ms) {
  unsigned long start = millis();
  while (status() != WL_CONNECTED && millis() - start < timeout_ms) delay(10);
  return static_cast<int8_t>(status());
}

bool ESP8266WiFiClass::disconnect(bool) {
  begun_ = false;
  associated_ = false;
  associating_ = false;
  return true;
}

bool ESP8266WiFiClass::reconnect() {
  begin();
  return true;
}

bool ESP8266WiFiClass::hostname(const char* name) {
  hostname_ = name;
  return true;
}

IPAddress ESP8266WiFiClass::localIP() { return status() == WL_CONNECTED ? IPAddress(127, 0, 0, 1) : IPAddress(); }

IPAddress ESP8266WiFiClass::gatewayIP() { return status() == WL_CONNECTED ? IPAddress(127, 0, 0, 1) : IPAddress(); }

IPAddress ESP8266WiFiClass::subnetMask() { return status() == WL_CONNECTED ? IPAddress(255, 0, 0, 0) : IPAddress(); }

String ESP8266WiFiClass::macAddress() const {
  const uint8_t* m = hb_host::chip_context().mac;
  char buf[18];
  snprintf(buf, sizeof(buf), "%02X:%02X:%02X:%02X:%02X:%02X", m[0], m[1], m[2], m[3], m[4], m[5]);
  return String(buf);
}

uint8_t* ESP8266WiFiClass::macAddress(uint8_t* mac) const {
  for (int i = 0; i < 6; i++) mac[i] = hb_host::chip_context().mac[i];
  return mac;
}

int32_t ESP8266WiFiClass::RSSI() { return status() == WL_CONNECTED ? -50 : 31; }  // 31: the SDK's "no signal"

int ESP8266WiFiClass::hostByName(const char* name, IPAddress& result) {
  if (status() != WL_CONNECTED) return 0;
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* found = nullptr;
  if (getaddrinfo(name, nullptr, &hints, &found) != 0 || found == nullptr) return 0;
  result = IPAddress(static_cast<uint32_t>(reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr.s_addr));
  freeaddrinfo(found);
  return 1;
}
