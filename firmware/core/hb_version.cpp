#include "hb_version.h"

namespace hb {

// `used`: the record must survive in the image even where nothing reads it.
__attribute__((used)) const char kFirmwareRecord[] = "HILBENCH-FW:" HILBENCH_FW_VERSION;

static const char* reported_version = nullptr;

const char* builtin_version() { return kFirmwareRecord + sizeof("HILBENCH-FW:") - 1; }

const char* firmware_version() { return reported_version != nullptr ? reported_version : builtin_version(); }

void set_firmware_version(const char* version) { reported_version = version; }

}  // namespace hb
