// Output labels in English or Swedish. Plan content is never translated.
#pragma once

#include <string>

#include "model/plan.hpp"

namespace bbg::render {

enum class Lang { en, sv };

enum class Label {
  plan, area, owner, activity, title, owners, due, days_overdue, status, total, overdue, done_share,
  progress, last_update, days_quiet, never, start, recurs, follow_up, history, occurrences, missed,
  done_on, open, not_expected, as_of, none, notes, due_text, months, no_overdue, no_stale, date, note, by,
  status_on_date, occurrence_due, window
};

const char* label(Label label, Lang lang);
const char* status_label(model::Status status, Lang lang);

}  // namespace bbg::render
