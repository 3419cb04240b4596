#include "hb_console.h"

#include <string.h>

#include "hb_line_codec.h"
#include "hb_version.h"

namespace hb {
namespace {

constexpr size_t kMaxWords = 8;

const char* const kHelp[] = {
    "commands (one per line; settings persist across reboots):",
    "  help | status | version | reboot",
    "  hold                        no readings, no connection until the next reboot (to configure)",
    "  wifi ssid <ssid>            wifi pass <password>   (never echoed)",
    "  server <host> <port>        where readings go",
    "  interval <ms>               reading period, 100..86400000",
    "  mode classroom|buffered|ack delivery: send and forget | resend unsent | resend until acked",
    "  device <id>                 the hello's device id (letters, digits, . _ - : +)",
    "  seed <n>                    seed of fault decisions and backoff jitter (0: random per boot)",
    "  backoff <base_ms> <cap_ms>  reconnect delays: full jitter under min(cap, base*2^attempt)",
    "  fault SPEC                  a device fault, NAME[=P][,KEY=VALUE...] with P 0..1 (default 1),",
    "                              the simulator's text (docs/faults.md): fault drop=0.1,",
    "                              fault coalesce,count=4, fault silence,duration=5s (us, ms or s)",
    "  fault clear [name]          fault (alone) lists the active faults",
    "device faults, with their defaults (network faults are set on the proxy):",
};

}  // namespace

Console::Console(Settings& settings, Faults& faults, ConsoleHost& host, Log& log)
    : settings_(settings), faults_(faults), host_(host), log_(log) {
  line_[0] = '\0';
}

void Console::feed(const char* data, size_t len) {
  for (size_t i = 0; i < len; i++) {
    char c = data[i];
    if (c == '\n' && last_was_cr_) {  // the LF of a CR LF
      last_was_cr_ = false;
      continue;
    }
    last_was_cr_ = c == '\r';
    if (c == '\r' || c == '\n') {
      line_[len_] = '\0';
      if (overflow_) {
        TextBuf<64> why;
        why.add("line longer than ").add_u32(kMaxLine).add(" characters");
        error("?", why.c_str());
      } else {
        run(line_);
      }
      len_ = 0;
      overflow_ = false;
      continue;
    }
    if (c == '\b' || c == 0x7F) {
      if (len_ > 0) len_--;
      continue;
    }
    if (len_ == kMaxLine) {
      overflow_ = true;
      continue;
    }
    line_[len_++] = c;
  }
}

void Console::run(char* line) {
  size_t n = strlen(line);
  for (size_t i = 0; i < n; i++) {
    uint8_t c = static_cast<uint8_t>(line[i]);
    if (c == '\t') {
      line[i] = ' ';
    } else if (c < 0x20 || c > 0x7E) {
      TextBuf<80> why;
      why.add("byte 0x").add_hex(c, 2).add(" at column ").add_u32(static_cast<uint32_t>(i + 1));
      why.add(" is not printable ASCII");
      error("?", why.c_str());
      return;
    }
  }
  // The rest of the line after the second word, spaces kept: SSIDs and passwords may hold some.
  const char* rest = "";
  {
    size_t i = 0, word = 0;
    while (i < n && word < 2) {
      while (i < n && line[i] == ' ') i++;
      while (i < n && line[i] != ' ') i++;
      word++;
    }
    while (i < n && line[i] == ' ') i++;
    rest = line + i;
  }
  copy_string(rest_, sizeof(rest_), rest);  // the words are cut in place below
  char* words[kMaxWords];
  size_t count = 0;
  for (char* p = line; *p != '\0';) {
    while (*p == ' ') *p++ = '\0';
    if (*p == '\0') break;
    if (count == kMaxWords) {
      error(words[0], "too many words");
      return;
    }
    words[count++] = p;
    while (*p != '\0' && *p != ' ') p++;
  }
  if (count == 0) return;  // an empty line is no command
  dispatch(words, count, rest_);
}

void Console::dispatch(char** words, size_t count, const char* rest) {
  const char* cmd = words[0];
  if (equals(cmd, "help")) {
    help();
  } else if (equals(cmd, "status")) {
    TextBuf<400> reply;
    reply.add("status ");
    host_.describe_status(reply);
    ok(reply);
  } else if (equals(cmd, "version")) {
    TextBuf<64> reply;
    reply.add("version fw=").add(firmware_version());
    ok(reply);
  } else if (equals(cmd, "reboot")) {
    TextBuf<16> reply;
    reply.add("reboot");
    ok(reply);
    host_.reboot();
  } else if (equals(cmd, "hold")) {
    hold(count);
  } else if (equals(cmd, "wifi")) {
    wifi(words, count, rest);
  } else if (equals(cmd, "server")) {
    server(words, count);
  } else if (equals(cmd, "interval")) {
    interval(words, count);
  } else if (equals(cmd, "mode")) {
    mode(words, count);
  } else if (equals(cmd, "device")) {
    device(words, count);
  } else if (equals(cmd, "fault")) {
    fault(words, count);
  } else if (equals(cmd, "seed")) {
    seed(words, count);
  } else if (equals(cmd, "backoff")) {
    backoff(words, count);
  } else {
    error(cmd, "unknown command (try help)");
  }
}

void Console::help() {
  for (const char* line : kHelp) log_.line(line);
  // From the vocabulary's table, so the list cannot drift from what set() takes.
  for (size_t i = 0; i < kFaultCount; i++) {
    const FaultInfo& f = fault_info(i);
    TextBuf<96> line;
    line.add("  ").add(f.name);
    for (size_t k = 0; k < f.param_count; k++) {
      const FaultParamInfo& p = f.params[k];
      line.add(',').add(p.name).add('=');
      if (p.words != nullptr) {
        line.add(p.words[p.fallback]);
      } else {
        line.add_u32(p.fallback);
      }
    }
    log_.line(line.c_str());
  }
  TextBuf<8> reply;
  reply.add("help");
  ok(reply);
}

void Console::hold(size_t count) {
  if (count != 1) {
    error("hold", "usage: hold (alone; the next reboot ends it)");
    return;
  }
  host_.hold();
  TextBuf<24> reply;
  reply.add("hold until reboot");
  ok(reply);
}

void Console::wifi(char** words, size_t count, const char* rest) {
  bool ssid = count >= 2 && equals(words[1], "ssid");
  bool pass = count >= 2 && equals(words[1], "pass");
  if ((!ssid && !pass) || (ssid && count < 3)) {
    error("wifi", "usage: wifi ssid <ssid> | wifi pass <password> (no password: an open network)");
    return;
  }
  TextBuf<80> reply;
  if (ssid) {
    if (!copy_string(settings_.ssid, sizeof(settings_.ssid), rest)) {
      error("wifi", "an SSID has at most 32 characters");
      return;
    }
    reply.add("wifi ssid ").add(settings_.ssid);
  } else {
    if (!copy_string(settings_.password, sizeof(settings_.password), rest)) {
      error("wifi", "a WPA password has at most 64 characters");
      return;
    }
    reply.add(settings_.password[0] != '\0' ? "wifi pass ***" : "wifi pass (none)");
  }
  changed(SettingChange::kWifi);
  ok(reply);
}

void Console::server(char** words, size_t count) {
  uint32_t port = 0;
  if (count != 3) {
    error("server", "usage: server <host> <port>");
    return;
  }
  if (!valid_host(words[1])) {
    error("server", "the host must be 1 to 64 printable characters without spaces");
    return;
  }
  if (!parse_u32(words[2], &port) || port == 0 || port > 65535) {
    TextBuf<80> why;
    why.add("the port must be a number from 1 to 65535, got '").add(words[2]).add("'");
    error("server", why.c_str());
    return;
  }
  copy_string(settings_.host, sizeof(settings_.host), words[1]);
  settings_.port = static_cast<uint16_t>(port);
  changed(SettingChange::kServer);
  TextBuf<96> reply;
  reply.add("server ").add(settings_.host).add(' ').add_u32(settings_.port);
  ok(reply);
}

void Console::interval(char** words, size_t count) {
  uint32_t ms = 0;
  if (count != 2 || !parse_u32(words[1], &ms) || ms < kMinIntervalMs || ms > kMaxIntervalMs) {
    TextBuf<96> why;
    why.add("expected milliseconds from ").add_u32(kMinIntervalMs).add(" to ").add_u32(kMaxIntervalMs);
    if (count >= 2) why.add(", got '").add(words[1]).add("'");
    error("interval", why.c_str());
    return;
  }
  settings_.interval_ms = ms;
  changed(SettingChange::kInterval);
  TextBuf<32> reply;
  reply.add("interval ").add_u32(ms);
  ok(reply);
}

void Console::mode(char** words, size_t count) {
  DeliveryMode m;
  if (count != 2 || !parse_mode(words[1], &m)) {
    error("mode", "expected classroom, buffered or ack");
    return;
  }
  settings_.mode = m;
  changed(SettingChange::kMode);
  TextBuf<32> reply;
  reply.add("mode ").add(mode_name(m));
  ok(reply);
}

void Console::device(char** words, size_t count) {
  if (count != 2 || !valid_token(words[1], kMaxTokenLength)) {
    error("device", "expected 1 to 32 letters, digits or . _ - : +");
    return;
  }
  copy_string(settings_.device, sizeof(settings_.device), words[1]);
  changed(SettingChange::kDevice);
  TextBuf<48> reply;
  reply.add("device ").add(settings_.device);
  ok(reply);
}

void Console::fault(char** words, size_t count) {
  TextBuf<200> reply;
  if (count == 1) {
    reply.add("fault active=");
    faults_.describe_all(reply);
    ok(reply);
    return;
  }
  if (equals(words[1], "clear")) {
    fault_clear(words, count);
    return;
  }
  // The spec is one word; the rest of the line goes to the parser as typed (single spaces), so
  // the old form "fault drop p=0.1" gets the grammar's answer: no spaces.
  TextBuf<kMaxLine + 1> text;
  for (size_t i = 1; i < count; i++) text.add(i > 1 ? " " : "").add(words[i]);
  FaultSpec spec;
  TextBuf<240> why;
  FaultError e = parse_fault_spec(text.c_str(), &spec, why);
  if (e == FaultError::kNone) e = faults_.set(spec, why);
  if (e != FaultError::kNone) {
    error("fault", why.c_str());
    return;
  }
  host_.faults_changed();
  reply.add("fault ");
  faults_.describe(static_cast<Fault>(spec.fault), reply);
  ok(reply);
}

void Console::fault_clear(char** words, size_t count) {
  TextBuf<64> reply;
  size_t index = 0;
  if (count == 2) {
    faults_.clear_all();
    reply.add("fault clear all");
  } else if (count == 3 && find_fault_info(words[2], strlen(words[2]), &index) &&
             fault_info(index).kind == FaultKind::kDevice) {
    faults_.clear(static_cast<Fault>(index));
    reply.add("fault clear ").add(fault_info(index).name);
  } else {
    TextBuf<200> why;
    if (count == 3 && find_fault_info(words[2], strlen(words[2]), &index)) {
      why.add(words[2]).add(" is a network fault: the proxy in front of the node sets and clears it");
    } else {
      why.add("usage: fault clear [name], name one of ");
      list_fault_names(FaultKind::kDevice, why);
    }
    error("fault", why.c_str());
    return;
  }
  host_.faults_changed();
  ok(reply);
}

void Console::seed(char** words, size_t count) {
  uint32_t seed = 0;
  if (count != 2 || !parse_u32(words[1], &seed)) {
    error("seed", "expected a whole number from 0 to 4294967295 (0: random at every boot)");
    return;
  }
  settings_.seed = seed;
  changed(SettingChange::kSeed);
  TextBuf<32> reply;
  reply.add("seed ").add_u32(seed);
  ok(reply);
}

void Console::backoff(char** words, size_t count) {
  uint32_t base = 0, cap = 0;
  if (count != 3 || !parse_u32(words[1], &base) || !parse_u32(words[2], &cap) || base < kMinBackoffMs ||
      cap < base || cap > kMaxBackoffMs) {
    TextBuf<120> why;
    why.add("usage: backoff <base_ms> <cap_ms> with ").add_u32(kMinBackoffMs).add(" <= base <= cap <= ");
    why.add_u32(kMaxBackoffMs);
    error("backoff", why.c_str());
    return;
  }
  settings_.backoff_base_ms = base;
  settings_.backoff_cap_ms = cap;
  changed(SettingChange::kBackoff);
  TextBuf<48> reply;
  reply.add("backoff ").add_u32(base).add(' ').add_u32(cap);
  ok(reply);
}

void Console::ok(const Text& reply) {
  TextBuf<440> line;
  line.add("OK ").add(reply.c_str());
  log_.line(line.c_str());
}

void Console::error(const char* command, const char* reason) {
  TextBuf<320> line;
  line.add("ERR ").add(command).add(": ").add(reason);
  log_.line(line.c_str());
}

void Console::changed(SettingChange what) { host_.settings_changed(what); }

}  // namespace hb
