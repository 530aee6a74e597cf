// libFuzzer target: where libyaml and yaml-cpp both accept a text, they must build the same tree
// (the same kinds, values, quoting and positions). bbg reads every file with libyaml first and
// falls back to yaml-cpp when libyaml declines (yaml/document.cpp), so otherwise what bbg reports
// would depend on which parser read the file. A text only libyaml accepts is no fault here: libyaml
// follows the YAML grammar more closely than yaml-cpp (which refuses "? " inside a flow value).
// Nor are two faults of yaml-cpp in contrived texts (see yaml::Compare::lenient).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "yaml/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bbg::yaml;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LoadResult fast = load(text, {}, ParserChoice::libyaml);
  if (!fast.root) return 0;
  const LoadResult slow = load(text, {}, ParserChoice::yaml_cpp);
  if (!slow.root) return 0;
  const std::string difference = first_difference(*fast.root, *slow.root, Compare::lenient);
  if (!difference.empty()) {
    std::fprintf(stderr, "libyaml and yaml-cpp build different trees: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
