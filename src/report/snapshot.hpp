// A quarter's snapshot assembled from the plans: which plans it covers and the state of each
// activity on the day. Pure.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/snapshot.hpp"

namespace bbg::report {

// The plans whose period overlaps `quarter` (YYYY-Qn), in order; a plan without dates counts.
std::vector<model::Plan> plans_in(std::span<const model::Plan> plans, const std::string& quarter);

// The snapshot of `plans` as they stood on `info.as_of`, with `info`'s facts (quarter, when and
// from what it was taken) and the counts filled in.
model::Snapshot assemble_snapshot(std::span<const model::Plan> plans, model::SnapshotInfo info);

}  // namespace bbg::report
