// FlashStore: the SPI flash as a memory-mapped file.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "rom.h"

namespace rom {

namespace {
bool fail_closing(int fd) {  // keeps the errno of the failure, not of close()
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return false;
}
}  // namespace

FlashStore::~FlashStore() { close(); }

void FlashStore::close() {
  if (data_ != nullptr) munmap(data_, size_);
  if (fd_ >= 0) ::close(fd_);
  data_ = nullptr;
  size_ = 0;
  fd_ = -1;
}

bool FlashStore::open(const char* path, size_t size) {
  close();
  if (size == 0) {
    errno = EINVAL;
    return false;
  }
  const int fd = ::open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  struct stat st {};
  if (fstat(fd, &st) != 0) return fail_closing(fd);
  const size_t existing = size_t(st.st_size);
  if (!S_ISREG(st.st_mode) || existing > size) {
    errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
    return fail_closing(fd);
  }
  if (existing < size && ftruncate(fd, off_t(size)) != 0) return fail_closing(fd);
  void* map = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) return fail_closing(fd);
  fd_ = fd;
  data_ = static_cast<uint8_t*>(map);
  size_ = size;
  // A new (or grown) file reads as zeros past its old end; erased flash reads as 0xFF.
  if (existing < size) std::memset(data_ + existing, 0xFF, size - existing);
  return true;
}

void FlashStore::erase(uint32_t offset, uint32_t len) {
  if (offset >= size_) return;
  const size_t n = len < size_ - offset ? len : size_ - offset;
  std::memset(data_ + offset, 0xFF, n);
}

bool FlashStore::write(uint32_t offset, const uint8_t* d, size_t n) {
  if (data_ == nullptr || offset > size_ || n > size_ - offset) return false;
  uint8_t* p = data_ + offset;
  for (size_t i = 0; i < n; ++i) p[i] &= d[i];  // NOR flash: programming only clears bits
  return true;
}

void FlashStore::sync() {
  if (data_ != nullptr) msync(data_, size_, MS_SYNC);
}

}  // namespace rom
