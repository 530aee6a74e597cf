// Deadlines as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Thunderbird
// import: one all-day event per deadline, recurring activities as one event per occurrence,
// with stable UIDs so that a re-import updates instead of duplicating.
#pragma once

#include <string>
#include <vector>

#include "model/plan.hpp"
#include "render/labels.hpp"
#include "report/status.hpp"

namespace bbg::render {

// `stamp` is the DTSTAMP, UTC as YYYYMMDDTHHMMSSZ.
std::string render_calendar(const std::vector<model::Plan>& plans, const report::Filter& filter, const std::string& stamp,
                            Lang lang);

// One content line folded at 75 octets (never inside a UTF-8 character), CRLF-terminated.
std::string fold_line(const std::string& line);

// TEXT value escaping: backslash, semicolon, comma and line breaks.
std::string escape_text(const std::string& text);

}  // namespace bbg::render
