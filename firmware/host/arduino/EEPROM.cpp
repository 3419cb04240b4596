#include "EEPROM.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "../runtime/chip_context.h"

EEPROMClass EEPROM;

namespace {
uint8_t outside;  // what operator[] hands out for an address outside the sector
}

void EEPROMClass::begin(size_t size) {
  if (size == 0 || size > kSectorSize) size = kSectorSize;
  data_.assign(size, 0xFF);  // an erased sector
  dirty_ = false;
  const std::string& path = hb_host::chip_context().eeprom_path;
  int fd = path.empty() ? -1 : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ssize_t n = pread(fd, data_.data(), size, 0);
  (void)n;  // a short file reads as erased past its end
  close(fd);
}

uint8_t EEPROMClass::read(int address) const {
  return address >= 0 && static_cast<size_t>(address) < data_.size() ? data_[static_cast<size_t>(address)] : 0;
}

void EEPROMClass::write(int address, uint8_t value) {
  if (address < 0 || static_cast<size_t>(address) >= data_.size()) return;
  if (data_[static_cast<size_t>(address)] != value) dirty_ = true;
  data_[static_cast<size_t>(address)] = value;
}

uint8_t& EEPROMClass::operator[](int address) {
  if (address < 0 || static_cast<size_t>(address) >= data_.size()) return outside;
  dirty_ = true;
  return data_[static_cast<size_t>(address)];
}

bool EEPROMClass::commit() {
  if (data_.empty()) return false;
  if (!dirty_) return true;
  const std::string& path = hb_host::chip_context().eeprom_path;
  int fd = path.empty() ? -1 : open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    fprintf(stderr, "virtual-nodemcu: EEPROM file %s: %s\n", path.c_str(), strerror(errno));
    return false;
  }
  bool ok = pwrite(fd, data_.data(), data_.size(), 0) == static_cast<ssize_t>(data_.size()) && fsync(fd) == 0;
  close(fd);
  if (ok) dirty_ = false;
  return ok;
}

bool EEPROMClass::end() {
  bool ok = commit();
  data_.clear();
  return ok;
}
