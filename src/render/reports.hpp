// Renders the report data of src/report as a terminal table, JSON, CSV or Markdown.
#pragma once

#include <iosfwd>
#include <string>

#include "render/labels.hpp"
#include "render/table.hpp"
#include "report/status.hpp"

namespace bbg::render {

enum class ReportFormat { table, json, csv, markdown };

struct ReportStyle {
  ReportFormat format = ReportFormat::table;
  Lang lang = Lang::en;
  TableStyle table;
};

std::string render_status(const report::StatusReport& report, const ReportStyle& style);
// Written to `out`; by value: a caller done with a long list moves it in, and its texts move on
// into the table, which is written line by line.
void write_overdue(report::ListReport report, const ReportStyle& style, std::ostream& out);
void write_stale(report::ListReport report, int days, const ReportStyle& style, std::ostream& out);

// The done / in progress / overdue / planned shares as a bar of `width` block characters.
std::string progress_bar(const report::Counts& counts, std::size_t width, bool color);

}  // namespace bbg::render
