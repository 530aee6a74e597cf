#include "render/labels.hpp"

namespace bbg::render {

const char* label(Label l, Lang lang) {
  const bool sv = lang == Lang::sv;
  switch (l) {
    case Label::plan: return "Plan";
    case Label::area: return sv ? "Område" : "Area";
    case Label::owner: return sv ? "Ansvarig" : "Owner";
    case Label::activity: return sv ? "Aktivitet" : "Activity";
    case Label::title: return sv ? "Titel" : "Title";
    case Label::owners: return sv ? "Ansvariga" : "Owners";
    case Label::due: return sv ? "Deadline" : "Due";
    case Label::days_overdue: return sv ? "Dagar sen" : "Days overdue";
    case Label::status: return "Status";
    case Label::total: return sv ? "Totalt" : "Total";
    case Label::overdue: return sv ? "Förfallna" : "Overdue";
    case Label::done_share: return sv ? "Klar %" : "Done %";
    case Label::progress: return sv ? "Fördelning" : "Progress";
    case Label::last_update: return sv ? "Senaste uppdatering" : "Last update";
    case Label::days_quiet: return sv ? "Dagar utan uppdatering" : "Days quiet";
    case Label::never: return sv ? "aldrig" : "never";
    case Label::start: return "Start";
    case Label::recurs: return sv ? "Återkommer" : "Recurs";
    case Label::follow_up: return sv ? "Uppföljning" : "Follow-up";
    case Label::history: return sv ? "Historik" : "History";
    case Label::occurrences: return sv ? "Tillfällen" : "Occurrences";
    case Label::missed: return sv ? "missat" : "missed";
    case Label::done_on: return sv ? "klart" : "done";
    case Label::open: return sv ? "öppet" : "open";
    case Label::not_expected: return sv ? "väntas inte (före antagandet)" : "not expected (before adoption)";
    case Label::as_of: return sv ? "per" : "as of";
    case Label::none: return sv ? "inga" : "none";
    case Label::notes: return sv ? "Anteckningar" : "Notes";
    case Label::due_text: return sv ? "Tid enligt källan" : "Time frame as written";
    case Label::months: return sv ? "Månader" : "Months";
    case Label::no_overdue: return sv ? "Inga förfallna aktiviteter" : "No overdue activities";
    case Label::no_stale: return sv ? "Inga inaktuella aktiviteter" : "No stale activities";
    case Label::date: return sv ? "Datum" : "Date";
    case Label::note: return sv ? "Notering" : "Note";
    case Label::by: return sv ? "Av" : "By";
    case Label::status_on_date: return sv ? "Status per" : "Status as of";
    case Label::occurrence_due: return sv ? "Senast" : "Due";
    case Label::window: return sv ? "Fönster" : "Window";
  }
  return "";
}

const char* status_label(model::Status status, Lang lang) {
  if (lang == Lang::en) {
    switch (status) {
      case model::Status::planned: return "planned";
      case model::Status::in_progress: return "in progress";
      case model::Status::done: return "done";
      case model::Status::delayed: return "delayed";
      case model::Status::cancelled: return "cancelled";
    }
  }
  switch (status) {
    case model::Status::planned: return "planerad";
    case model::Status::in_progress: return "pågår";
    case model::Status::done: return "klar";
    case model::Status::delayed: return "försenad";
    case model::Status::cancelled: return "avbruten";
  }
  return "";
}

const char* csv_status(model::Status status, Lang lang) {
  return lang == Lang::en ? model::to_string(status) : status_label(status, lang);
}

const char* status_word(model::Status status, Lang lang, bool csv) {
  return csv ? csv_status(status, lang) : status_label(status, lang);
}

}  // namespace bbg::render
