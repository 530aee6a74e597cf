// The dates and times commands use, each overridable for tests and reproducible output.
#pragma once

#include <string>

#include "model/date.hpp"

namespace bbg::cli {

// Today's local date; BBG_TODAY=YYYY-MM-DD overrides it (for tests and reproducible reports).
model::Date today();

// Now in UTC, formatted by strftime's `format`; SOURCE_DATE_EPOCH (seconds) fixes it, for
// reproducible output and tests.
std::string utc_now(const char* format);

}  // namespace bbg::cli
