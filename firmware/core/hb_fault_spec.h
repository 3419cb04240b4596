// The shared fault vocabulary and its one text form, NAME[=PROBABILITY][,KEY=VALUE...], e.g.
// `drop=0.05`, `coalesce,count=3`, `silence,duration=5s`: the C++ twin of the Java protocol
// module's dev.hilbench.protocol.fault (FaultVocabulary, FaultSpec). The console parses every
// fault of the vocabulary, network faults too, so a spec gets the same answer here as from the
// simulator and the proxy; only then does it refuse what the node does not do (Faults::set).
//
// The table in hb_fault_spec.cpp is a copy of FaultVocabulary's. It is held to it by the shared
// vector file protocol/src/test/resources/vectors/faults.tsv, which has every fault by its name
// alone and every number at both ends of its range and past them (a Java test checks that).
//
//   PROBABILITY  0..1, at most 6 decimals, no sign; 1 when omitted (kept as parts per million)
//   VALUE        a whole number in the parameter's unit; a duration may end in us, ms or s
//                instead, if that comes out whole; or one of the parameter's words
// No spaces or bytes outside printable ASCII; names, keys and words are lower case.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hb_text.h"

namespace hb {

enum class FaultKind : uint8_t {
  kDevice,   // the node applies it: set on this console
  kNetwork,  // the path applies it: set on the proxy in front of the node
};

// Why a spec was refused. The codes up to kMissingParam are the grammar's, shared with Java
// (FaultError); the last two are the console's own: a spec the grammar takes but the node will not.
enum class FaultError : uint8_t {
  kNone,
  kEmpty,
  kBadChar,
  kUnknownFault,
  kBadProbability,
  kProbabilityRange,
  kBadParam,
  kUnknownParam,
  kDuplicateParam,
  kBadValue,
  kValueRange,
  kMissingParam,
  kNetworkFault,  // a network fault: the proxy applies it
  kUnsupported,   // a device fault's value this firmware cannot do
};
// "unknown_param", as the vector file writes it.
const char* fault_error_code(FaultError e);

enum class Unit : uint8_t { kMilliseconds, kMicroseconds, kBytes, kReadings, kKilobytesPerSecond };

struct FaultParamInfo {
  const char* name;
  const char* const* words;  // a parameter that is one of a few words (a flag: true/false); nullptr for a number
  uint8_t word_count;
  Unit unit;                 // numbers
  bool required;             // no default
  uint32_t fallback;         // the default: a number, or the index of a word
  uint32_t min, max;
};

struct FaultInfo {
  const char* name;
  FaultKind kind;
  const FaultParamInfo* params;
  uint8_t param_count;
};

constexpr size_t kFaultVocabularySize = 16;
constexpr size_t kMaxFaultParams = 4;

// Index i of the vocabulary, in FaultVocabulary's order: the device faults first.
const FaultInfo& fault_info(size_t i);
bool find_fault_info(const char* name, size_t len, size_t* index);
// "drop, sensor_fail, ..." for messages.
void list_fault_names(FaultKind kind, Text& out);

// A checked spec: every parameter present, in the vocabulary's order and units.
struct FaultSpec {
  uint8_t fault = 0;      // index in the vocabulary
  uint32_t ppm = 0;       // probability, parts per million
  uint32_t values[kMaxFaultParams] = {};  // a number, or the index of a word
};

// Parses and checks `text`, left to right (the characters, the name, the probability, each
// parameter as written, then those missing), as the Java parser does. On failure `why` gets the
// problem, the spec and a hint: "count 17 is out of range in 'coalesce,count=17' (2..16 readings)".
FaultError parse_fault_spec(const char* text, FaultSpec* out, Text& why);
// The same for the n bytes at `text`, which may hold any byte (a NUL is refused like any other).
FaultError parse_fault_spec(const char* text, size_t n, FaultSpec* out, Text& why);
// The canonical text, as the vector file and Java's FaultSpec.toString() write it:
// "coalesce=1,count=3", "slicer=1,average_size=4,size_variation=2,delay=1000,stream=upstream".
void describe_fault_spec(const FaultSpec& spec, Text& out);

// A probability text in [s, s+n): kBadProbability or kProbabilityRange on failure.
FaultError parse_probability(const char* s, size_t n, uint32_t* ppm);
// ppm as the shortest decimal: 0, 0.05, 1.
void add_probability(Text& out, uint32_t ppm);

}  // namespace hb
