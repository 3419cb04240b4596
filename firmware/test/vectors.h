// Reads the shared protocol vector files (protocol/src/test/resources/vectors/*.tsv) at run time.
#pragma once

#include <string>
#include <vector>

namespace hbtest {

struct VectorCase {
  int line_number;
  std::vector<std::string> fields;  // tab-separated, escapes still in place
};

// The vector directory: $HB_VECTORS_DIR, else the path compiled in by the Makefile.
std::string vectors_dir();
// Every case of `file` (comments "# ..." and blank lines skipped). Fails the test if unreadable.
std::vector<VectorCase> read_vectors(const std::string& file);
// \r \n \t \\ \xHH to bytes.
std::string unescape(const std::string& s);
// Bytes back to the escaped form, for messages.
std::string escape(const std::string& s);
std::vector<std::string> split(const std::string& s, char sep);

}  // namespace hbtest
