// Text compiled into the binary at build time (see cmake/embedded.cpp.in).
#pragma once

#include <string_view>

namespace bbg::check {

std::string_view embedded_plan_schema();    // schemas/plan.schema.json
std::string_view embedded_owners_schema();  // schemas/owners.schema.json
std::string_view bbg_version();           // e.g. "0.1.0"
std::string_view bbg_commit();            // the git commit bbg was built from, or "unknown"

}  // namespace bbg::check
