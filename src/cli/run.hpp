// The whole command line: parse arguments, run one command, map errors to exit codes.
#pragma once

#include <functional>
#include <iosfwd>

namespace bbg::cli {

int run(int argc, const char* const* argv);
// For tests: the same with explicit streams.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
// With `start_pager` called before a paging command writes (run(argc, argv) starts the pager).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const std::function<void()>& start_pager);

}  // namespace bbg::cli
