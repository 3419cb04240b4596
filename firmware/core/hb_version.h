// The firmware's version and the record that carries it inside the image.
#pragma once

#ifndef HILBENCH_FW_VERSION
#define HILBENCH_FW_VERSION "0.1.0"
#endif

namespace hb {

// "HILBENCH-FW:<version>", kept whole in the image so that flashing tools and the virtual
// NodeMCU's ROM can read the version of an image without running it.
extern const char kFirmwareRecord[];

// The version this build carries.
const char* builtin_version();

// The version the node reports: the built-in one, unless the board said otherwise.
const char* firmware_version();

// The virtual NodeMCU boots the host-built sketch in place of whatever image was flashed; it
// calls this with that image's version record so the node reports what was flashed. A real chip
// never calls it: the running image is this build. Null restores the built-in version.
void set_firmware_version(const char* version);

}  // namespace hb
