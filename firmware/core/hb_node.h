// The node: every reading cycle consumes a seq, reads the sensor, applies the device faults and
// hands the reading to the delivery mode; between cycles it keeps the uplink and the console
// going. The sketch calls begin() once, then poll() and console_input() from loop().
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_console.h"
#include "hb_delivery.h"
#include "hb_faults.h"
#include "hb_hardware.h"
#include "hb_log.h"
#include "hb_mangle.h"
#include "hb_rng.h"
#include "hb_settings.h"
#include "hb_uplink.h"

namespace hb {

class Node final : private ConsoleHost, private UplinkListener {
 public:
  explicit Node(const Hardware& hw);

  void begin();
  void poll();
  void console_input(const char* data, size_t len) { console_.feed(data, len); }

  // What tests and the status line look at.
  const Settings& settings() const { return settings_; }
  const Faults& faults() const { return faults_; }
  const Delivery& delivery() const { return delivery_; }
  const char* boot_id() const { return boot_id_; }
  uint32_t next_seq() const { return next_seq_; }
  uint32_t seed() const { return seed_; }
  bool link_ready() const;

 private:
  void cycle(uint32_t now);
  void handle_reading(uint32_t seq, uint32_t now);
  void roll_after_cycle(uint32_t seq, uint32_t now);
  void start_silence(uint32_t seq, uint32_t now);
  void end_silence();
  void reboot_for_fault();
  void apply_slow_connect();
  void watch_wifi();
  void persist();
  void configure_uplink();

  // ConsoleHost
  void settings_changed(SettingChange what) override;
  void faults_changed() override;
  void describe_status(Text& out) override;
  void reboot() override;
  void hold() override;
  // UplinkListener
  void on_ack(uint32_t seq) override { delivery_.on_ack(seq); }
  void on_disconnected() override { delivery_.on_disconnected(); }

  Hardware hw_;
  Settings settings_;
  Faults faults_;
  Rng rng_;
  Log log_;
  Delivery delivery_;
  Uplink uplink_;
  Console console_;
  TextBuf<64> mangled_;  // a line the corrupt or binary fault spoiled

  // The device faults' state between cycles (their settings are in faults_).
  bool silent_ = false;         // the silence fault fired: Wi-Fi "lost" until silent_until_ms_
  uint32_t silent_until_ms_ = 0;
  uint32_t coalesce_hold_ = 0;  // cycles the coalesce fault still holds readings back
  bool coalesce_release_ = false;  // what it held goes out in one write
  bool reboot_due_ = false;     // the reboot fault fired: restart once this cycle's reading is out
  bool held_ = false;           // `hold`: only the console runs until the next reboot (RAM only)

  char boot_id_[9] = {};
  uint32_t seed_ = 0;
  uint32_t next_seq_ = 0;
  uint32_t next_cycle_ms_ = 0;
  bool wifi_up_ = false;
};

}  // namespace hb
