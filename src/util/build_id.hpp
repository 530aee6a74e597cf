// The GNU build ID of the running program (a hash the linker writes of the whole binary), so
// that anything cached by one build of a program is never taken for another's.
#pragma once

#include <string>

namespace bbg::util {

// Hex digits, or empty when the program has no build ID note.
std::string build_id();

}  // namespace bbg::util
