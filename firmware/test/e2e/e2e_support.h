// Shared steps of the end-to-end tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hb_line_codec.h"
#include "net.h"
#include "vnode.h"

namespace hbtest {

// Points a running node at `server` with a short interval and returns the accepted connection,
// with the hello line already read into *hello.
std::unique_ptr<Connection> connect_node(VirtualNodeMcu& node, Listener& server, std::string* hello,
                                         int interval_ms = 200);

struct WireReading {
  uint32_t seq;
  uint32_t millis;
  double temperature, humidity;
};

// The next reading line on `conn` (failing the test on anything else or on timeout).
bool next_reading(Connection& conn, WireReading* r, int timeout_ms);

// The number after "key=" in a log line.
uint32_t number_after(const std::string& line, const std::string& key);

// A fresh path under /tmp for the test's files.
std::string temp_file(const std::string& name);

// Runs a shell command; returns its exit status and puts its output in *output.
int run_command(const std::string& command, std::string* output);

}  // namespace hbtest
