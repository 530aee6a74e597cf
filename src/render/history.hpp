// Renders snapshots and changes: bbg snapshots, bbg diff, and the quarterly report for the
// steering group (Markdown, or one self-contained HTML file with inline SVG charts).
#pragma once

#include <string>
#include <vector>

#include "render/reports.hpp"
#include "report/compare.hpp"
#include "model/snapshot.hpp"

namespace bbg::render {

std::string render_snapshots(const std::vector<model::SnapshotInfo>& snapshots, const ReportStyle& style);
std::string render_comparison(const report::Comparison& comparison, const ReportStyle& style);

struct QuarterlyReport {
  const model::Snapshot* current = nullptr;
  const model::Snapshot* previous = nullptr;  // the snapshot before, if any
  std::vector<model::SnapshotInfo> history;   // every stored snapshot, oldest first
};

enum class DocumentFormat { markdown, html };

std::string render_quarterly(const QuarterlyReport& report, DocumentFormat format, Lang lang);

}  // namespace bbg::render
