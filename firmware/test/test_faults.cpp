// The fault vocabulary's text form, held to the shared vector file (as the Java parser is), and
// the node's device faults: set, described, refused with a reason, and replayed from a seed.
#include <string>
#include <vector>

#include "hb_fault_spec.h"
#include "hb_faults.h"
#include "hbtest.h"
#include "vectors.h"

namespace {

struct Parsed {
  hb::FaultError error;
  std::string text;  // the canonical spec, or the reason
  hb::FaultSpec spec;
};

Parsed parse(const std::string& text) {
  Parsed p;
  hb::TextBuf<400> out;
  p.error = hb::parse_fault_spec(text.data(), text.size(), &p.spec, out);
  if (p.error == hb::FaultError::kNone) hb::describe_fault_spec(p.spec, out);
  p.text = out.c_str();
  return p;
}

// "fault <canonical>" or "error <code>", as the vector file writes an answer.
std::string answer(hb::FaultError e, const std::string& canonical) {
  return e == hb::FaultError::kNone ? "fault " + canonical : std::string("error ") + hb::fault_error_code(e);
}

}  // namespace

TEST(every_spec_of_the_shared_vectors_parses_as_in_java) {
  std::vector<hbtest::VectorCase> cases = hbtest::read_vectors("faults.tsv");
  REQUIRE(cases.size() > 200);
  for (const hbtest::VectorCase& c : cases) {
    SCOPE("faults.tsv line " + std::to_string(c.line_number) + ": '" + c.fields[0] + "'");
    REQUIRE(c.fields.size() == 2 || c.fields.size() == 3);
    Parsed p = parse(hbtest::unescape(c.fields[0]));
    CHECK_STR(answer(p.error, p.text), c.fields[1]);
  }
}

TEST(the_console_takes_exactly_the_rows_the_vectors_say_the_firmware_takes) {
  for (const hbtest::VectorCase& c : hbtest::read_vectors("faults.tsv")) {
    SCOPE("faults.tsv line " + std::to_string(c.line_number) + ": '" + c.fields[0] + "'");
    Parsed p = parse(hbtest::unescape(c.fields[0]));
    if (p.error != hb::FaultError::kNone) continue;  // the grammar's answer, checked above
    hb::Faults faults;
    hb::TextBuf<240> why;
    hb::FaultError e = faults.set(p.spec, why);
    CHECK_STR(answer(e, p.text), c.fields.size() == 3 ? c.fields[2] : c.fields[1]);
    if (e != hb::FaultError::kNone) {
      CHECK(why.size() > 20);
      hb::TextBuf<80> none;
      faults.describe_all(none);
      CHECK_STR(none.c_str(), "none");  // a refusal changes nothing
      continue;
    }
    hb::TextBuf<240> described;
    faults.describe(static_cast<hb::Fault>(p.spec.fault), described);
    CHECK_STR(described.c_str(), p.text);
  }
}

TEST(the_device_faults_come_first_in_the_vocabulary_as_in_java) {
  for (size_t i = 0; i < hb::kFaultVocabularySize; i++) {
    SCOPE(hb::fault_info(i).name);
    CHECK(hb::fault_info(i).kind == (i < hb::kFaultCount ? hb::FaultKind::kDevice : hb::FaultKind::kNetwork));
    if (i < hb::kFaultCount) CHECK_STR(hb::fault_name(static_cast<hb::Fault>(i)), hb::fault_info(i).name);
    CHECK(hb::fault_info(i).param_count <= hb::kMaxFaultParams);
  }
  hb::TextBuf<120> names;
  hb::list_fault_names(hb::FaultKind::kDevice, names);
  CHECK_STR(names.c_str(), "drop, sensor_fail, coalesce, corrupt, oversize, binary, silence, reboot, slow_connect");
}

// The same words as the Java parser's messages (FaultSpecTest), so a spec gets the same answer
// from the console as from ./hilbench simulate.
TEST(refusals_name_the_spec_and_what_is_wrong_in_the_java_parsers_words) {
  struct Case {
    const char* spec;
    const char* reason;
  } cases[] = {
      {"slicer=1,avg=3", "unknown parameter 'avg' in 'slicer=1,avg=3' (slicer takes average_size, size_variation, delay, stream)"},
      {"drop,p=0.1", "unknown parameter 'p' in 'drop,p=0.1' (the probability follows the name, e.g. drop=0.1; drop takes none)"},
      {"coalesce,count=17", "count 17 is out of range in 'coalesce,count=17' (2..16 readings)"},
      {"silence,duration=1.5s", "duration '1.5s' is not a whole number in 'silence,duration=1.5s' (in ms, or with a unit: us, ms, s)"},
      {"silence,duration=1500us", "duration '1500us' is not a whole number of ms in 'silence,duration=1500us'"},
      {"oversize,size=1s", "size '1s' is not a whole number in 'oversize,size=1s' (in bytes)"},
      {"reboot,link=hard", "link 'hard' is not one of orphan, fin, rst in 'reboot,link=hard'"},
      {"reset_peer,mid_line=yes", "mid_line 'yes' is not true or false in 'reset_peer,mid_line=yes'"},
      {"drop=1.5", "probability 1.5 is above 1 in 'drop=1.5'"},
      {"drop=.5", "probability '.5' is not a decimal from 0 to 1 in 'drop=.5' (at most 6 decimals, no sign: e.g. 0.05)"},
      {"coalesce,count=2,count=3", "count is given twice in 'coalesce,count=2,count=3'"},
      {"drop,", "an empty parameter (a stray comma) in 'drop,'"},
      {"coalesce,3", "'3' is not KEY=VALUE in 'coalesce,3'"},
      {"bandwidth", "bandwidth needs rate in 'bandwidth' (in KB/s, from 1)"},
      {"drop p=0.1", "a space at column 5 in 'drop p=0.1' (a spec is NAME[=PROBABILITY][,KEY=VALUE...] in printable ASCII without spaces)"},
      {"", "an empty fault spec in '' (write NAME[=PROBABILITY][,KEY=VALUE...], e.g. drop=0.05)"},
      {"dr\xC3\xB6p", "character U+00C3 at column 3 in 'dr\xC3\xB6p' (a spec is NAME[=PROBABILITY][,KEY=VALUE...] in printable ASCII without spaces)"},
  };
  for (const Case& c : cases) {
    SCOPE(c.spec);
    Parsed p = parse(c.spec);
    CHECK(p.error != hb::FaultError::kNone);
    CHECK_STR(p.text, c.reason);
  }
  Parsed unknown = parse("meltdown");
  CHECK_HAS(unknown.text, "unknown fault 'meltdown' in 'meltdown' (known: drop, sensor_fail, coalesce, corrupt, oversize, "
                          "binary, silence, reboot, slow_connect, latency, bandwidth, slicer, timeout, reset_peer, limit_data, down)");
}

TEST(the_node_refuses_network_faults_and_what_it_cannot_do_and_says_why) {
  hb::Faults faults;
  hb::TextBuf<240> why;
  CHECK(faults.set(parse("latency,latency=200").spec, why) == hb::FaultError::kNetworkFault);
  CHECK_STR(why.c_str(), "latency is a network fault: set it on the proxy in front of the node "
                         "(./hilbench proxy --fault latency=1,latency=200,jitter=0,stream=upstream)");
  why.clear();
  CHECK(faults.set(parse("reboot,link=rst").spec, why) == hb::FaultError::kUnsupported);
  CHECK_STR(why.c_str(), "reboot link=rst is unsupported here: Arduino's WiFiClient cannot reset a connection (orphan or fin)");
}

TEST(faults_are_set_described_and_cleared_by_name) {
  hb::Faults faults;
  hb::TextBuf<128> why;
  for (const char* spec : {"drop=0.1", "silence", "coalesce,count=4", "reboot", "drop=0.25"}) {
    REQUIRE(faults.set(parse(spec).spec, why) == hb::FaultError::kNone);
  }
  hb::TextBuf<200> all;
  faults.describe_all(all);
  CHECK_STR(all.c_str(), "drop=0.25;coalesce=1,count=4;silence=1,duration=10000;reboot=1,link=orphan");
  CHECK_EQ(faults.coalesce_count(), 4u);
  CHECK_EQ(faults.silence_ms(), 10000u);
  CHECK(faults.reboot_link() == hb::RebootLink::kOrphan);
  faults.clear(hb::Fault::kDrop);
  CHECK(!faults.active(hb::Fault::kDrop));
  faults.clear_all();
  all.clear();
  faults.describe_all(all);
  CHECK_STR(all.c_str(), "none");
}

TEST(probabilities_are_decimals_from_0_to_1_kept_as_parts_per_million) {
  struct Case {
    const char* text;
    hb::FaultError error;
    uint32_t ppm;
  } cases[] = {
      {"0.1", hb::FaultError::kNone, 100000},       {"1", hb::FaultError::kNone, 1000000},
      {"1.0", hb::FaultError::kNone, 1000000},      {"0", hb::FaultError::kNone, 0},
      {"0.000001", hb::FaultError::kNone, 1},       {"0.25", hb::FaultError::kNone, 250000},
      {"1.5", hb::FaultError::kProbabilityRange, 0}, {"2", hb::FaultError::kProbabilityRange, 0},
      {"0.0000001", hb::FaultError::kBadProbability, 0}, {".5", hb::FaultError::kBadProbability, 0},
      {"5.", hb::FaultError::kBadProbability, 0},   {"-0.1", hb::FaultError::kBadProbability, 0},
      {"", hb::FaultError::kBadProbability, 0},     {"0.1x", hb::FaultError::kBadProbability, 0},
      {"10", hb::FaultError::kProbabilityRange, 0},
  };
  for (const Case& c : cases) {
    SCOPE(c.text);
    uint32_t ppm = 12345;
    CHECK(hb::parse_probability(c.text, std::string(c.text).size(), &ppm) == c.error);
    if (c.error == hb::FaultError::kNone) CHECK_EQ(ppm, c.ppm);
  }
  hb::TextBuf<32> t;
  for (uint32_t ppm : {100000u, 1000000u, 1u, 250000u, 0u}) hb::add_probability(t.add(t.size() > 0 ? " " : ""), ppm);
  CHECK_STR(t.c_str(), "0.1 1 0.000001 0.25 0");
}

TEST(fault_decisions_replay_with_the_same_seed) {
  hb::Faults faults;
  hb::TextBuf<64> why;
  REQUIRE(faults.set(parse("drop=0.3").spec, why) == hb::FaultError::kNone);
  std::vector<bool> first, second;
  hb::Rng a(7), b(7);
  for (int i = 0; i < 200; i++) first.push_back(faults.fires(hb::Fault::kDrop, a));
  for (int i = 0; i < 200; i++) second.push_back(faults.fires(hb::Fault::kDrop, b));
  CHECK(first == second);
  int fired = 0;
  for (bool f : first) fired += f ? 1 : 0;
  CHECK(fired > 30 && fired < 90);
  // A fault that is off, or certain, never draws.
  REQUIRE(faults.set(parse("silence").spec, why) == hb::FaultError::kNone);
  hb::Rng c(7), d(7);
  CHECK(!faults.fires(hb::Fault::kCorrupt, c));
  CHECK(faults.fires(hb::Fault::kSilence, c));
  CHECK_EQ(c.next(), d.next());
}
