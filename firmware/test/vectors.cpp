#include "vectors.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "hbtest.h"

namespace hbtest {

std::string vectors_dir() {
  const char* env = std::getenv("HB_VECTORS_DIR");
  if (env != nullptr) return env;
#ifdef HB_VECTORS_DIR
  return HB_VECTORS_DIR;
#else
  return "../protocol/src/test/resources/vectors";
#endif
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::vector<VectorCase> read_vectors(const std::string& file) {
  std::string path = vectors_dir() + "/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(__FILE__, __LINE__, "cannot read the shared vector file " + path + " (set HB_VECTORS_DIR)");
    throw Abort{};
  }
  std::vector<VectorCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    number++;
    if (line.empty() || line.rfind("# ", 0) == 0) continue;
    cases.push_back({number, split(line, '\t')});
  }
  return cases;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'r': out += '\r'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '\\': out += '\\'; break;
      case 'x':
        out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
        i += 2;
        break;
      default:
        out += '\\';
        out += c;
    }
  }
  return out;
}

std::string escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c > 0x7E) {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace hbtest
