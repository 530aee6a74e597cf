// Renders one activity in full (bbg show).
#pragma once

#include <string>

#include "render/reports.hpp"
#include "report/show.hpp"

namespace bbg::render {

std::string render_show(const report::ActivityDetail& detail, const ReportStyle& style);

}  // namespace bbg::render
