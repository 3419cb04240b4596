#include "e2e_support.h"

#include <ftw.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "hbtest.h"

namespace hbtest {

std::unique_ptr<Connection> connect_node(VirtualNodeMcu& node, Listener& server, std::string* hello, int interval_ms) {
  node.type("interval " + std::to_string(interval_ms) + "\r");
  node.expect("OK interval " + std::to_string(interval_ms), 3000);
  node.type("server 127.0.0.1 " + std::to_string(server.port()) + "\r");
  node.expect("OK server 127.0.0.1 " + std::to_string(server.port()), 3000);
  std::unique_ptr<Connection> conn = server.accept(5000);
  if (conn == nullptr) {
    fail(__FILE__, __LINE__, "the node did not connect to the test's listener\n" + node.transcript());
    throw Abort{};
  }
  if (!conn->read_line(hello, 3000)) {
    fail(__FILE__, __LINE__, "no hello line on the new connection");
    throw Abort{};
  }
  return conn;
}

bool next_reading(Connection& conn, WireReading* r, int timeout_ms) {
  std::string line;
  if (!conn.read_line(&line, timeout_ms)) {
    fail(__FILE__, __LINE__, "no reading line within " + std::to_string(timeout_ms) + " ms; received so far:\n" +
                                 conn.received());
    return false;
  }
  hb::DecodedLine d = hb::decode_line(reinterpret_cast<const uint8_t*>(line.data()), line.size());
  if (d.kind != hb::LineKind::kReading) {
    fail(__FILE__, __LINE__, "expected a reading line, got '" + line + "'");
    return false;
  }
  *r = {d.seq, d.millis, d.temperature, d.humidity};
  return true;
}

uint32_t number_after(const std::string& line, const std::string& key) {
  size_t at = line.find(key + "=");
  if (at == std::string::npos) {
    fail(__FILE__, __LINE__, "no " + key + "= in '" + line + "'");
    return 0;
  }
  return static_cast<uint32_t>(std::strtoul(line.c_str() + at + key.size() + 1, nullptr, 10));
}

namespace {
// The test run's scratch directory, removed with everything in it when the run ends.
class ScratchDir {
 public:
  ScratchDir() {
    char tmpl[] = "/tmp/hb-e2e-XXXXXX";
    if (mkdtemp(tmpl) != nullptr) path_ = tmpl;
  }
  ~ScratchDir() {
    if (path_.empty()) return;
    nftw(path_.c_str(), [](const char* p, const struct stat*, int, FTW*) { return remove(p); }, 8, FTW_DEPTH | FTW_PHYS);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};
}  // namespace

std::string temp_file(const std::string& name) {
  static ScratchDir dir;
  return dir.path() + "/" + name;
}

int run_command(const std::string& command, std::string* output) {
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  output->clear();
  for (size_t n; (n = fread(buf, 1, sizeof(buf), p)) > 0;) output->append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hbtest
