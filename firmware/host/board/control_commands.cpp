#include "control_commands.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace board {
namespace {

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool parse_number(const std::string& text, float* out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v)) return false;
  *out = static_cast<float>(v);
  return true;
}

std::string fixed1(float v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

std::string lines(Board& board, const std::vector<std::string>& w) {
  int dtr = -1, rts = -1;
  for (size_t i = 1; i < w.size(); i++) {
    if (w[i] == "dtr=0" || w[i] == "dtr=1") {
      dtr = w[i][4] - '0';
    } else if (w[i] == "rts=0" || w[i] == "rts=1") {
      rts = w[i][4] - '0';
    } else {
      return "err lines: unexpected '" + w[i] + "' (usage: lines dtr=0|1 rts=0|1)";
    }
  }
  if (dtr < 0 || rts < 0) return "err lines: usage: lines dtr=0|1 rts=0|1";
  board.set_lines(dtr == 1, rts == 1);
  bool en_low = dtr == 0 && rts == 1, io0_low = dtr == 1 && rts == 0;
  return "ok lines dtr=" + std::to_string(dtr) + " rts=" + std::to_string(rts) + " en=" + (en_low ? "low" : "high") +
         " io0=" + (io0_low ? "low" : "high") + " mode=" + mode_name(board.mode());
}

std::string status(Board& board, hb_host::SharedState& shared) {
  return std::string("ok mode=") + mode_name(board.mode()) + " boot=" + std::to_string(board.boots()) +
         " wifi=" + (shared.wifi_up.load() ? "up" : "down") + " version=" + board.version() +
         " sensor=" + (shared.sensor_fail.load() ? "fail" : fixed1(shared.temperature.load()) + "," +
                                                                fixed1(shared.humidity.load())) +
         " dtr=" + (board.dtr() ? "1" : "0") + " rts=" + (board.rts() ? "1" : "0");
}

}  // namespace

std::string run_control_command(Board& board, hb_host::SharedState& shared, const std::string& line, bool* quit) {
  std::vector<std::string> w = words_of(line);
  if (w.empty()) return "err empty command";
  const std::string& cmd = w[0];
  if (cmd == "lines") return lines(board, w);
  if (cmd == "reset") {
    if (w.size() != 2 || (w[1] != "run" && w[1] != "download")) return "err reset: usage: reset run|download";
    board.reset(w[1] == "download");
    return "ok reset " + w[1] + " mode=" + mode_name(board.mode());
  }
  if (cmd == "wifi") {
    if (w.size() != 2 || (w[1] != "up" && w[1] != "down")) return "err wifi: usage: wifi up|down";
    shared.wifi_up.store(w[1] == "up");
    return "ok wifi " + w[1];
  }
  if (cmd == "sensor") {
    if (w.size() == 2 && w[1] == "fail") {
      shared.sensor_fail.store(true);
      return "ok sensor fail";
    }
    if (w.size() == 2 && w[1] == "ok") {
      shared.sensor_fail.store(false);
      return "ok sensor ok";
    }
    float t, h;
    if (w.size() != 3 || !parse_number(w[1], &t) || !parse_number(w[2], &h)) {
      return "err sensor: usage: sensor <temperature> <humidity> | sensor fail | sensor ok";
    }
    if (h < 0 || h > 100) return "err sensor: humidity must be 0..100 %, got " + w[2];
    shared.temperature.store(t);
    shared.humidity.store(h);
    return "ok sensor t=" + fixed1(t) + " h=" + fixed1(h);
  }
  if (cmd == "status") return status(board, shared);
  if (cmd == "quit") {
    *quit = true;
    return "ok quit";
  }
  if (cmd == "help") return "ok commands: lines dtr=0|1 rts=0|1, reset run|download, wifi up|down, "
                            "sensor <t> <h>|fail|ok, status, quit";
  return "err unknown command '" + cmd + "' (known: lines, reset, wifi, sensor, status, quit, help)";
}

}  // namespace board
