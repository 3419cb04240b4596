#include "hb_node.h"

#include <math.h>

#include "hb_version.h"

namespace hb {
namespace {

bool reached(uint32_t now, uint32_t due) { return static_cast<int32_t>(now - due) >= 0; }

// Faults that put a spoiled line on the wire instead of the reading, in the order they are drawn.
const Fault kManglers[] = {Fault::kCorrupt, Fault::kOversize, Fault::kBinary};

}  // namespace

Node::Node(const Hardware& hw)
    : hw_(hw),
      log_(hw.serial),
      delivery_(log_),
      uplink_(hw.client, hw.clock, log_, rng_),
      console_(settings_, faults_, *this, log_) {
  default_settings(0, &settings_);
}

void Node::begin() {
  uint32_t chip_id = hw_.chip.chip_id();
  uint8_t image[kSettingsImageSize];
  SettingsLoad loaded = SettingsLoad::kEmpty;
  if (hw_.storage.load(image, sizeof(image))) {
    loaded = decode_settings(image, chip_id, &settings_);
  } else {
    default_settings(chip_id, &settings_);
  }

  Text boot(boot_id_, sizeof(boot_id_));
  boot.add_hex(hw_.chip.hardware_random(), 8);
  seed_ = settings_.seed;
  if (seed_ == 0) seed_ = hw_.chip.hardware_random() | 1u;  // 0 would read as "random" again
  rng_.reseed(seed_);

  log_.event("boot").str("device", settings_.device).str("fw", firmware_version()).str("boot", boot_id_)
      .u32("seed", seed_).emit();
  LogLine config = log_.event("config");
  config.str("source", settings_load_name(loaded));
  if (settings_.host[0] != '\0') {
    config.server(settings_.host, settings_.port);
  } else {
    config.str("server", "none");
  }
  config.str("mode", mode_name(settings_.mode)).u32("interval", settings_.interval_ms).emit();

  delivery_.set_mode(settings_.mode);
  uplink_.set_listener(this);
  configure_uplink();
  hw_.radio.begin(settings_.ssid, settings_.password);
  next_cycle_ms_ = hw_.clock.millis() + settings_.interval_ms;
}

void Node::configure_uplink() {
  // An image's version record may hold what a hello cannot carry (a '/', 40 characters).
  const char* fw = valid_token(firmware_version(), kMaxTokenLength) ? firmware_version() : "unknown";
  uplink_.configure(settings_.host, settings_.port,
                    Hello{settings_.device, fw, boot_id_, settings_.mode == DeliveryMode::kAck});
  uplink_.set_backoff(settings_.backoff_base_ms, settings_.backoff_cap_ms);
  apply_slow_connect();
}

void Node::apply_slow_connect() {
  bool on = faults_.active(Fault::kSlowConnect);
  uplink_.set_slow_connect(on ? faults_.ppm(Fault::kSlowConnect) : 0, faults_.slow_connect_delay_ms(),
                           faults_.slow_connect_jitter_ms());
}

bool Node::link_ready() const { return uplink_.ready() && !silent_; }

void Node::poll() {
  watch_wifi();
  if (held_) return;  // no cycle, no connection attempt: the console alone, until a reboot
  if (silent_ && reached(hw_.clock.millis(), silent_until_ms_)) end_silence();
  uplink_.poll(wifi_up_, silent_);
  uint32_t now = hw_.clock.millis();
  if (reached(now, next_cycle_ms_)) {
    cycle(now);
    next_cycle_ms_ += settings_.interval_ms;
    // Fell behind (a blocking connect, a long console command): no burst of catch-up cycles.
    if (reached(now, next_cycle_ms_)) next_cycle_ms_ = now + settings_.interval_ms;
  }
  // What coalesce held back goes out in one write (pump caps a write at kMaxBatch readings),
  // everything else one reading per write.
  bool release = coalesce_release_;
  coalesce_release_ = false;
  if (!silent_ && coalesce_hold_ == 0) {
    delivery_.pump(uplink_, release ? delivery_.buffered() - delivery_.unacknowledged() : 1);
  }
  if (reboot_due_) reboot_for_fault();
}

void Node::watch_wifi() {
  bool up = hw_.radio.connected();
  if (up == wifi_up_) return;
  wifi_up_ = up;
  if (up) {
    TextBuf<48> ip;
    hw_.radio.local_ip(ip);
    log_.event("wifi up").str("ip", ip.c_str()).emit();
  } else {
    log_.event("wifi down").emit();
  }
}

void Node::cycle(uint32_t now) {
  // Every cycle consumes a seq, also one whose reading never leaves: the server sees the gap and
  // this log says why.
  uint32_t seq = next_seq_++;
  handle_reading(seq, now);
  roll_after_cycle(seq, now);
}

void Node::handle_reading(uint32_t seq, uint32_t now) {
  float t = NAN, h = NAN;
  bool injected = faults_.fires(Fault::kSensorFail, rng_);
  if (injected || !hw_.sensor.read(&t, &h) || isnan(t) || isnan(h)) {
    LogLine fail = log_.event("sensor_fail");
    fail.u32("seq", seq);
    if (injected) fail.str("fault", "sensor_fail");
    fail.emit();
    return;
  }
  Reading r{seq, now, t, h};
  if (faults_.fires(Fault::kDrop, rng_)) {
    log_.event("drop").u32("seq", seq).str("fault", "drop").emit();
    return;
  }
  for (Fault f : kManglers) {
    if (!faults_.fires(f, rng_)) continue;
    log_.event("drop").u32("seq", seq).str("fault", fault_name(f)).emit();
    if (!link_ready()) return;
    if (f == Fault::kOversize) {
      write_oversize(r, faults_.oversize_size(), uplink_);
    } else {
      mangle_reading(f, r, rng_, mangled_);
      uplink_.send(reinterpret_cast<const uint8_t*>(mangled_.c_str()), mangled_.size());
    }
    return;
  }
  delivery_.accept(r, link_ready());
}

// The faults that act after the cycle's reading, as in the simulator: coalesce holds back this
// reading and the next count-1, silence begins, reboot restarts once the reading is out.
void Node::roll_after_cycle(uint32_t seq, uint32_t now) {
  if (coalesce_hold_ > 0) {
    coalesce_release_ = --coalesce_hold_ == 0;
  } else if (faults_.fires(Fault::kCoalesce, rng_)) {
    coalesce_hold_ = faults_.coalesce_count() - 1;
  }
  if (faults_.fires(Fault::kSilence, rng_)) start_silence(seq, now);
  if (faults_.fires(Fault::kReboot, rng_)) {
    log_.event("reboot").str("reason", "fault").u32("next_seq", next_seq_).emit();
    reboot_due_ = true;
  }
}

void Node::start_silence(uint32_t seq, uint32_t now) {
  uint32_t until = now + faults_.silence_ms();
  if (silent_ && !reached(until, silent_until_ms_)) return;  // already silent for longer
  if (!silent_) log_.event("silence").u32("seq", seq).u32("duration_ms", faults_.silence_ms()).emit();
  silent_ = true;
  silent_until_ms_ = until;
}

void Node::end_silence() {
  silent_ = false;
  log_.event("silence end").emit();
}

void Node::reboot_for_fault() {
  reboot_due_ = false;
  // fin: the sketch closes its connection before ESP.restart(); orphan: the chip just resets.
  if (faults_.reboot_link() == RebootLink::kFin) uplink_.disconnect("reboot");
  hw_.chip.restart();
}

void Node::persist() {
  uint8_t image[kSettingsImageSize];
  encode_settings(settings_, image);
  if (!hw_.storage.save(image, sizeof(image))) log_.event("error").str("what", "settings_not_saved").emit();
}

void Node::settings_changed(SettingChange what) {
  persist();
  switch (what) {
    case SettingChange::kWifi:
      uplink_.restart("wifi_changed");
      hw_.radio.begin(settings_.ssid, settings_.password);
      break;
    case SettingChange::kServer:
      configure_uplink();
      uplink_.restart("server_changed");
      break;
    case SettingChange::kDevice:
      configure_uplink();
      uplink_.restart("device_changed");
      break;
    case SettingChange::kMode: {
      bool ack_changed = (delivery_.mode() == DeliveryMode::kAck) != (settings_.mode == DeliveryMode::kAck);
      delivery_.set_mode(settings_.mode);
      configure_uplink();
      if (ack_changed) uplink_.restart("mode_changed");  // the hello must say whether acks are wanted
      break;
    }
    case SettingChange::kInterval:
      next_cycle_ms_ = hw_.clock.millis() + settings_.interval_ms;
      break;
    case SettingChange::kSeed:
      seed_ = settings_.seed != 0 ? settings_.seed : (hw_.chip.hardware_random() | 1u);
      rng_.reseed(seed_);
      break;
    case SettingChange::kBackoff:
      configure_uplink();
      break;
  }
}

void Node::faults_changed() {
  apply_slow_connect();
  // A cleared fault lets go at once: Wi-Fi is back, held readings go out.
  if (silent_ && !faults_.active(Fault::kSilence)) end_silence();
  if (coalesce_hold_ > 0 && !faults_.active(Fault::kCoalesce)) {
    coalesce_hold_ = 0;
    coalesce_release_ = true;
  }
}

void Node::describe_status(Text& out) {
  out.add("device=").add(settings_.device).add(" fw=").add(firmware_version()).add(" boot=").add(boot_id_);
  out.add(" mode=").add(mode_name(settings_.mode)).add(" interval=").add_u32(settings_.interval_ms);
  out.add(" server=");
  if (settings_.host[0] != '\0') {
    out.add(settings_.host).add(':').add_u32(settings_.port);
  } else {
    out.add("none");
  }
  out.add(" wifi=").add(wifi_up_ ? "up" : "down");
  if (wifi_up_) {
    out.add(" ip=");
    hw_.radio.local_ip(out);
  }
  out.add(" connected=").add(uplink_.ready() ? '1' : '0');
  out.add(" seq=").add_u32(next_seq_);
  out.add(" buffered=").add_u32(static_cast<uint32_t>(delivery_.buffered()));
  out.add(" unacked=").add_u32(static_cast<uint32_t>(delivery_.unacknowledged()));
  out.add(" faults=");
  faults_.describe_all(out);
  out.add(" seed=").add_u32(seed_);
  out.add(" backoff=").add_u32(settings_.backoff_base_ms).add('/').add_u32(settings_.backoff_cap_ms);
  out.add(" uptime_ms=").add_u32(hw_.clock.millis());
  out.add(" pass=").add(settings_.password[0] != '\0' ? "***" : "none");
  // Last: an SSID may hold spaces, so it takes the rest of the line.
  out.add(" ssid=").add(settings_.ssid);
}

void Node::reboot() { hw_.chip.restart(); }

void Node::hold() {
  if (held_) return;
  held_ = true;
  // Closed (a FIN) rather than left half-open: whoever was listening learns the node went away.
  uplink_.restart("hold");
}

}  // namespace hb
