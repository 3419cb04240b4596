#include "hb_faults.h"

namespace hb {

const char* fault_name(Fault f) { return fault_info(static_cast<size_t>(f)).name; }

FaultError Faults::set(const FaultSpec& spec, Text& why) {
  const FaultInfo& info = fault_info(spec.fault);
  if (info.kind == FaultKind::kNetwork) {
    why.add(info.name).add(" is a network fault: set it on the proxy in front of the node (./hilbench proxy --fault ");
    describe_fault_spec(spec, why);
    why.add(")");
    return FaultError::kNetworkFault;
  }
  if (static_cast<Fault>(spec.fault) == Fault::kReboot && static_cast<RebootLink>(spec.values[0]) == RebootLink::kRst) {
    why.add("reboot link=rst is unsupported here: Arduino's WiFiClient cannot reset a connection (orphan or fin)");
    return FaultError::kUnsupported;
  }
  specs_[spec.fault] = spec;
  active_[spec.fault] = true;
  return FaultError::kNone;
}

void Faults::clear_all() {
  for (bool& a : active_) a = false;
}

bool Faults::fires(Fault f, Rng& rng) const { return active(f) && rng.chance(ppm(f)); }

void Faults::describe(Fault f, Text& out) const { describe_fault_spec(spec(f), out); }

void Faults::describe_all(Text& out) const {
  bool any = false;
  for (size_t i = 0; i < kFaultCount; i++) {
    if (!active_[i]) continue;
    if (any) out.add(';');
    any = true;
    describe_fault_spec(specs_[i], out);
  }
  if (!any) out.add("none");
}

}  // namespace hb
