// FlashStore: a file that behaves like NOR flash.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>

#include "check.h"
#include "helpers.h"

namespace {
size_t file_size(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? size_t(st.st_size) : 0;
}
bool all(const uint8_t* p, size_t n, uint8_t v) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != v) return false;
  }
  return true;
}
}  // namespace

TEST(flash_store_creates_4mb_of_erased_flash) {
  t::TempDir dir;
  rom::FlashStore flash;
  CHECK(flash.open(dir.path("f.bin").c_str()));
  CHECK_EQ(flash.size(), size_t(4u << 20));
  CHECK_EQ(file_size(dir.path("f.bin")), size_t(4u << 20));
  CHECK(all(flash.data(), flash.size(), 0xFF));
}

TEST(flash_store_programs_like_nor_flash) {
  t::TempDir dir;
  rom::FlashStore flash;
  CHECK(flash.open(dir.path("f.bin").c_str(), 0x10000));
  const uint8_t first[2] = {0xF0, 0x0F}, second[2] = {0x3C, 0xFF};
  CHECK(flash.write(0x100, first, 2));
  CHECK(flash.write(0x100, second, 2));  // can only clear bits
  CHECK_EQ(flash.data()[0x100], uint8_t(0x30));
  CHECK_EQ(flash.data()[0x101], uint8_t(0x0F));
  flash.erase(0x100, 1);
  CHECK_EQ(flash.data()[0x100], uint8_t(0xFF));
  CHECK_EQ(flash.data()[0x101], uint8_t(0x0F));
}

TEST(flash_store_refuses_writes_past_the_end_and_clips_erase) {
  t::TempDir dir;
  rom::FlashStore flash;
  CHECK(flash.open(dir.path("f.bin").c_str(), 0x2000));
  const uint8_t zeros[8] = {};
  CHECK(!flash.write(0x1FFC, zeros, 8));
  CHECK(all(flash.data() + 0x1FF0, 0x10, 0xFF));  // nothing partial
  CHECK(flash.write(0x1FF8, zeros, 8));
  flash.erase(0x1000, 0x100000);  // runs past the end: stops there
  CHECK(all(flash.data() + 0x1000, 0x1000, 0xFF));
  flash.erase(0x3000, 0x1000);    // entirely past: nothing
}

TEST(flash_store_keeps_data_across_reopen) {
  t::TempDir dir;
  const uint8_t data[4] = {1, 2, 3, 4};
  {
    rom::FlashStore flash;
    CHECK(flash.open(dir.path("f.bin").c_str()));
    CHECK(flash.write(0x3FF000, data, 4));
    flash.sync();
  }
  rom::FlashStore again;
  CHECK(again.open(dir.path("f.bin").c_str()));
  CHECK_EQ(t::Bytes(again.data() + 0x3FF000, again.data() + 0x3FF004), t::Bytes({1, 2, 3, 4}));
}

TEST(flash_store_extends_a_short_file_with_erased_bytes) {
  t::TempDir dir;
  const std::string path = dir.path("image.bin");
  FILE* f = std::fopen(path.c_str(), "wb");
  CHECK(f != nullptr);
  if (f == nullptr) return;
  std::fputs("\xE9\x01", f);
  std::fclose(f);
  rom::FlashStore flash;
  CHECK(flash.open(path.c_str(), 0x1000));
  CHECK_EQ(flash.data()[0], uint8_t(0xE9));
  CHECK_EQ(flash.data()[1], uint8_t(0x01));
  CHECK(all(flash.data() + 2, 0x1000 - 2, 0xFF));
}

TEST(flash_store_open_failures_say_why) {
  t::TempDir dir;
  rom::FlashStore flash;
  {
    rom::FlashStore big;
    CHECK(big.open(dir.path("big.bin").c_str(), 0x2000));
  }
  errno = 0;
  CHECK(!flash.open(dir.path("big.bin").c_str(), 0x1000));  // a bigger file than the chip
  CHECK_EQ(errno, EFBIG);
  errno = 0;
  CHECK(!flash.open(dir.path("missing/dir/f.bin").c_str()));
  CHECK_EQ(errno, ENOENT);
  errno = 0;
  CHECK(!flash.open(dir.path("f.bin").c_str(), 0));
  CHECK_EQ(errno, EINVAL);
  CHECK(flash.data() == nullptr);
  CHECK_EQ(flash.size(), size_t(0));
  const uint8_t b = 0;
  CHECK(!flash.write(0, &b, 1));  // not open: refused, no crash
}
