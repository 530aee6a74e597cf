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
// A status word in a CSV file: one vocabulary per language, the one bbg import and update read
// back: the file's words in English (in_progress, as JSON writes them), the tables' in Swedish
// (pågår).
const char* csv_status(model::Status status, Lang lang);
// status_label, or csv_status when `csv`.
const char* status_word(model::Status status, Lang lang, bool csv);

}  // namespace bbg::render
