// The station interface of the ESP8266 Wi-Fi, simulated: begin() associates after a short delay
// (with any SSID: the host is the only network), the side channel's `wifi down` drops the link
// and `wifi up` lets it associate again (auto-reconnect, as the ESP8266 does by default). The
// node's address is the host's loopback, where its sockets really come from.
#pragma once

#include <stdint.h>

#include "Arduino.h"
#include "IPAddress.h"
#include "WString.h"
#include "WiFiClient.h"

typedef enum {
  WL_NO_SHIELD = 255,
  WL_IDLE_STATUS = 0,
  WL_NO_SSID_AVAIL = 1,
  WL_SCAN_COMPLETED = 2,
  WL_CONNECTED = 3,
  WL_CONNECT_FAILED = 4,
  WL_CONNECTION_LOST = 5,
  WL_WRONG_PASSWORD = 6,
  WL_DISCONNECTED = 7,
} wl_status_t;

typedef enum { WIFI_OFF = 0, WIFI_STA = 1, WIFI_AP = 2, WIFI_AP_STA = 3 } WiFiMode_t;
typedef WiFiMode_t WiFiMode;

class ESP8266WiFiClass {
 public:
  static constexpr unsigned long kAssociationMs = 250;

  bool mode(WiFiMode_t m);
  WiFiMode_t getMode() const { return mode_; }
  wl_status_t begin(const char* ssid, const char* passphrase = nullptr, int32_t channel = 0,
                    const uint8_t* bssid = nullptr, bool connect = true);
  wl_status_t begin(const String& ssid, const String& passphrase = String()) {
    return begin(ssid.c_str(), passphrase.c_str());
  }
  wl_status_t begin();  // the network the chip remembers
  wl_status_t status();
  bool isConnected() { return status() == WL_CONNECTED; }
  int8_t waitForConnectResult(unsigned long timeout_ms = 60000);
  bool disconnect(bool wifioff = false);
  bool reconnect();
  bool setAutoReconnect(bool on) {
    auto_reconnect_ = on;
    return true;
  }
  bool getAutoReconnect() const { return auto_reconnect_; }
  void persistent(bool) {}
  bool hostname(const char* name);
  String hostname() const { return hostname_; }

  IPAddress localIP();
  IPAddress gatewayIP();
  IPAddress subnetMask();
  IPAddress dnsIP(uint8_t = 0) { return gatewayIP(); }
  String macAddress() const;
  uint8_t* macAddress(uint8_t* mac) const;
  String SSID() const { return ssid_; }
  int32_t RSSI();
  int hostByName(const char* name, IPAddress& result);

 private:
  WiFiMode_t mode_ = WIFI_STA;
  bool begun_ = false;
  bool associated_ = false;
  bool auto_reconnect_ = true;
  unsigned long association_started_ = 0;
  bool associating_ = false;
  String ssid_;
  String hostname_ = "ESP-virtual";
};

extern ESP8266WiFiClass WiFi;
