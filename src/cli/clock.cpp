#include "cli/clock.hpp"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "util/error.hpp"

namespace bbg::cli {

model::Date today() {
  if (const char* fixed = std::getenv("BBG_TODAY"); fixed && *fixed) {
    if (const auto date = model::parse_date(fixed)) return *date;
    throw util::UsageError(fmt::format("BBG_TODAY={}: not a date; use YYYY-MM-DD", fixed));
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return model::Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string utc_now(const char* format) {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::atoll(epoch));
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[64];
  return std::strftime(text, sizeof text, format, &utc) ? text : "";
}

}  // namespace bbg::cli
