// libFuzzer target: any bytes as a plan file through loading, the schema, the rules and the
// text renderer. Must never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/checker.hpp"
#include "check/schema.hpp"
#include "render/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bbg::check::SchemaChecker schema;
  bbg::check::Source source;
  source.file = "plans/fuzz.yaml";
  source.content.assign(reinterpret_cast<const char*>(data), size);
  bbg::check::CheckOptions options;
  options.threads = 1;
  const auto result = bbg::check::check_sources({source}, schema, options);
  bbg::render::CheckReport report;
  report.files = {source.file};
  report.diagnostics = &result.diagnostics;
  report.source = [&](const std::string&) { return std::string_view(source.content); };
  (void)bbg::render::render_check(report, bbg::render::CheckFormat::text);
  return 0;
}
