// The whole command line: parse arguments, run one command, map errors to exit codes.
#pragma once

#include <iosfwd>

namespace bbg::cli {

int run(int argc, const char* const* argv);
// For tests: the same with explicit streams.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace bbg::cli
