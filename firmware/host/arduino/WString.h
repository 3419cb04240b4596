// Arduino's String for the host build: the same constructors and methods a sketch uses, on top of
// std::string (the host does not need the ESP8266 core's small-string tricks).
#pragma once

#include <stddef.h>

#include <string>

class String {
 public:
  String(const char* s = "");
  String(const std::string& s) : s_(s) {}
  String(char c);
  String(unsigned char value, unsigned char base = 10);
  String(int value, unsigned char base = 10);
  String(unsigned int value, unsigned char base = 10);
  String(long value, unsigned char base = 10);
  String(unsigned long value, unsigned char base = 10);
  String(long long value, unsigned char base = 10);
  String(unsigned long long value, unsigned char base = 10);
  String(float value, unsigned char decimals = 2);
  String(double value, unsigned char decimals = 2);

  unsigned int length() const { return static_cast<unsigned int>(s_.size()); }
  bool isEmpty() const { return s_.empty(); }
  const char* c_str() const { return s_.c_str(); }
  bool reserve(unsigned int size);

  String& operator+=(const String& rhs);
  String& operator+=(const char* rhs);
  String& operator+=(char rhs);
  String& operator+=(int rhs);
  String& operator+=(unsigned int rhs);
  String& operator+=(long rhs);
  String& operator+=(unsigned long rhs);
  String& operator+=(float rhs);
  String& operator+=(double rhs);
  template <typename T>
  bool concat(const T& rhs) {
    *this += rhs;
    return true;
  }

  bool equals(const String& other) const { return s_ == other.s_; }
  bool equalsIgnoreCase(const String& other) const;
  bool operator==(const String& rhs) const { return s_ == rhs.s_; }
  bool operator==(const char* rhs) const { return s_ == rhs; }
  bool operator!=(const String& rhs) const { return s_ != rhs.s_; }
  bool operator!=(const char* rhs) const { return s_ != rhs; }
  bool operator<(const String& rhs) const { return s_ < rhs.s_; }
  int compareTo(const String& other) const { return s_.compare(other.s_); }
  bool startsWith(const String& prefix) const;
  bool endsWith(const String& suffix) const;

  char charAt(unsigned int index) const { return index < s_.size() ? s_[index] : '\0'; }
  void setCharAt(unsigned int index, char c);
  char operator[](unsigned int index) const { return charAt(index); }
  char& operator[](unsigned int index);
  void getBytes(unsigned char* buf, unsigned int bufsize, unsigned int index = 0) const;
  void toCharArray(char* buf, unsigned int bufsize, unsigned int index = 0) const {
    getBytes(reinterpret_cast<unsigned char*>(buf), bufsize, index);
  }

  int indexOf(char c, unsigned int from = 0) const;
  int indexOf(const String& s, unsigned int from = 0) const;
  int lastIndexOf(char c) const;
  int lastIndexOf(const String& s) const;
  String substring(unsigned int from) const;
  String substring(unsigned int from, unsigned int to) const;

  void replace(char find, char replacement);
  void replace(const String& find, const String& replacement);
  void remove(unsigned int index);
  void remove(unsigned int index, unsigned int count);
  void toLowerCase();
  void toUpperCase();
  void trim();

  long toInt() const;
  float toFloat() const;
  double toDouble() const;

  const std::string& str() const { return s_; }

 private:
  std::string s_;
};

String operator+(const String& lhs, const String& rhs);
String operator+(const String& lhs, const char* rhs);
String operator+(const char* lhs, const String& rhs);
String operator+(const String& lhs, char rhs);
String operator+(const String& lhs, int rhs);
String operator+(const String& lhs, unsigned int rhs);
String operator+(const String& lhs, long rhs);
String operator+(const String& lhs, unsigned long rhs);
String operator+(const String& lhs, float rhs);
String operator+(const String& lhs, double rhs);
