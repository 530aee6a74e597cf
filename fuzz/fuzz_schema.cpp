// libFuzzer target: any bytes that load as a YAML tree are judged by the compiled schema verdict
// and by valijson; the compiled verdict must never call valid what valijson refuses (it decides
// for the files it calls valid, check/schema.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "check/schema.hpp"
#include "yaml/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bbg::check::SchemaChecker schema;
  const auto loaded = bbg::yaml::load(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!loaded.root) return 0;
  if (schema.fast_accepts(*loaded.root) && !schema.valijson_accepts(*loaded.root)) std::abort();
  return 0;
}
