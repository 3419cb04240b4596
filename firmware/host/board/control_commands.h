// The side channel's commands (see `virtual-nodemcu --help`), each answered with one line:
// "ok ..." or "err <reason>".
#pragma once

#include <string>

#include "../runtime/shared_state.h"
#include "board.h"

namespace board {

std::string run_control_command(Board& board, hb_host::SharedState& shared, const std::string& line, bool* quit);

}  // namespace board
