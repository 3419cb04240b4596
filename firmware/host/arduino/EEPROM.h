// The ESP8266 core's EEPROM: a RAM copy of one 4 KB flash sector, written back by commit(). Here
// the sector is a file (--eeprom, or a temporary one for the board's lifetime), so settings
// survive reboots as on the chip.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vector>

class EEPROMClass {
 public:
  static constexpr size_t kSectorSize = 4096;

  void begin(size_t size);
  uint8_t read(int address) const;
  void write(int address, uint8_t value);
  bool commit();
  bool end();
  size_t length() const { return data_.size(); }
  uint8_t* getDataPtr() {
    dirty_ = true;  // as on the ESP8266: the caller may write through it
    return data_.data();
  }
  const uint8_t* getConstDataPtr() const { return data_.data(); }
  uint8_t& operator[](int address);

  template <typename T>
  T& get(int address, T& value) {
    if (address >= 0 && static_cast<size_t>(address) + sizeof(T) <= data_.size()) {
      memcpy(&value, data_.data() + address, sizeof(T));
    }
    return value;
  }
  template <typename T>
  const T& put(int address, const T& value) {
    if (address >= 0 && static_cast<size_t>(address) + sizeof(T) <= data_.size()) {
      memcpy(data_.data() + address, &value, sizeof(T));
      dirty_ = true;
    }
    return value;
  }

 private:
  std::vector<uint8_t> data_;
  bool dirty_ = false;
};

extern EEPROMClass EEPROM;
