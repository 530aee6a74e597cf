// libFuzzer target: the deadline and date parsers. A parsed deadline covers a non-empty span
// whose text form reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto deadline = bbg::model::parse_deadline(text)) {
    if (deadline->last < deadline->first) std::abort();
    if (bbg::model::Date::from_days(deadline->last.days()) != deadline->last) std::abort();
    if (deadline->kind == bbg::model::DeadlineKind::day && deadline->last.iso() != text) std::abort();
  }
  if (const auto date = bbg::model::parse_date(text)) {
    if (date->iso() != text) std::abort();
  }
  return 0;
}
