// The NodeMCU's hardware behind the core's interfaces: WiFiClient, the DHT11, the Wi-Fi station,
// the EEPROM sector, Serial and the chip. Nothing here decides anything; the core does.
#pragma once

#include <DHT.h>
#include <EEPROM.h>
#include <ESP8266WiFi.h>
#include <hb_hardware.h>
#include <hb_settings.h>
#include <math.h>
#include <string.h>

class WiFiClientLink : public hb::Client {
 public:
  explicit WiFiClientLink(WiFiClient& client) : client_(client) {}
  int connect(const char* host, uint16_t port) override { return client_.connect(host, port); }
  size_t write(const uint8_t* data, size_t len) override { return client_.write(data, len); }
  int available() override { return client_.available(); }
  int read(uint8_t* buf, size_t len) override { return client_.read(buf, len); }
  uint8_t connected() override { return client_.connected(); }
  void stop() override { client_.stop(); }

 private:
  WiFiClient& client_;
};

class UptimeClock : public hb::Clock {
 public:
  uint32_t millis() override { return ::millis(); }
};

class Dht11 : public hb::Sensor {
 public:
  explicit Dht11(DHT& dht) : dht_(dht) {}
  bool read(float* temperature, float* humidity) override {
    *temperature = dht_.readTemperature();
    *humidity = dht_.readHumidity();
    return !isnan(*temperature) && !isnan(*humidity);
  }

 private:
  DHT& dht_;
};

class Station : public hb::Radio {
 public:
  void begin(const char* ssid, const char* password) override {
    if (ssid[0] == '\0') {
      WiFi.begin();  // the network the chip remembers
    } else {
      WiFi.begin(ssid, password);
    }
  }
  bool connected() override { return WiFi.status() == WL_CONNECTED; }
  void local_ip(hb::Text& out) override {
    IPAddress ip = WiFi.localIP();
    for (int i = 0; i < 4; i++) {
      if (i > 0) out.add('.');
      out.add_u32(ip[i]);
    }
  }
};

class EepromSector : public hb::Storage {
 public:
  bool load(uint8_t* data, size_t len) override {
    if (len > EEPROM.length()) return false;
    memcpy(data, EEPROM.getDataPtr(), len);
    return true;
  }
  bool save(const uint8_t* data, size_t len) override {
    if (len > EEPROM.length()) return false;
    memcpy(EEPROM.getDataPtr(), data, len);
    return EEPROM.commit();
  }
};

class SerialConsole : public hb::Output {
 public:
  void write(const char* data, size_t len) override { Serial.write(reinterpret_cast<const uint8_t*>(data), len); }
};

class Esp8266 : public hb::Chip {
 public:
  uint32_t chip_id() override { return ESP.getChipId(); }
  uint32_t hardware_random() override { return ESP.random(); }
  void restart() override {
    Serial.flush();
    ESP.restart();
  }
};

// All of the above for one board, handed to the core as hb::Hardware.
class NodeMcuBoard {
 public:
  NodeMcuBoard(WiFiClient& client, DHT& dht) : client_(client), sensor_(dht) {}
  hb::Hardware hardware() { return hb::Hardware{client_, clock_, sensor_, radio_, storage_, serial_, chip_}; }

 private:
  WiFiClientLink client_;
  UptimeClock clock_;
  Dht11 sensor_;
  Station radio_;
  EepromSector storage_;
  SerialConsole serial_;
  Esp8266 chip_;
};
