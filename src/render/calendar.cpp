#include "render/calendar.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/timeline.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace bbg::render {
namespace {

std::string ical_date(model::Date d) { return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day()); }

}  // namespace

std::string escape_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string fold_line(const std::string& line) {
  std::string out;
  std::size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // continuation lines start with a space
  }
  return out + line.substr(start) + "\r\n";
}

std::string render_calendar(const std::vector<model::Plan>& plans, const report::Filter& filter, const std::string& stamp,
                            Lang lang) {
  std::string out;
  const auto line = [&](const std::string& text) { out += fold_line(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//bbg//Barnens bästa gäller action plans//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line(fmt::format("X-WR-CALNAME:{}", escape_text(lang == Lang::sv ? "Deadlines i handlingsplanerna" : "Action plan deadlines")));
  const auto event = [&](const model::Plan& plan, const model::Activity& activity, model::Date due, const std::string& occurrence) {
    // The UID depends only on what identifies the deadline, never on its text: re-imports update.
    const std::string key = plan.id + "/" + activity.id + (occurrence.empty() ? "" : "/" + occurrence);
    line("BEGIN:VEVENT");
    line(fmt::format("UID:{}@bbg", util::sha256_hex(key).substr(0, 32)));
    line(fmt::format("DTSTAMP:{}", stamp));
    line(fmt::format("DTSTART;VALUE=DATE:{}", ical_date(due)));
    line(fmt::format("DTEND;VALUE=DATE:{}", ical_date(model::Date::from_days(due.days() + 1))));
    line(fmt::format("SUMMARY:{}", escape_text(fmt::format("{}/{} {}", plan.id, activity.id, activity.title))));
    std::string description = fmt::format("{}: {}", label(Label::plan, lang), plan.title);
    if (!activity.owners.empty()) description += fmt::format("\n{}: {}", label(Label::owners, lang), util::join(activity.owners));
    if (!activity.due_text.empty()) description += fmt::format("\n{}: {}", label(Label::due_text, lang), activity.due_text);
    if (!activity.follow_up.empty()) description += fmt::format("\n{}: {}", label(Label::follow_up, lang), activity.follow_up);
    line(fmt::format("DESCRIPTION:{}", escape_text(description)));
    if (!activity.owners.empty()) line(fmt::format("CATEGORIES:{}", escape_text(activity.owners.front())));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  };
  for (const auto& plan : plans) {
    for (const auto& area : plan.areas) {
      for (const auto& activity : area.activities) {
        if (!report::wanted(plan, activity, filter)) continue;
        if (activity.recurs) {
          const model::Date until = plan.period_end && plan.period_end->date ? *plan.period_end->date : model::Date(9999, 12, 31);
          for (const auto& o : report::occurrences(activity, plan, until)) {
            if (o.expected) event(plan, activity, o.due, o.due.iso());  // not before the plan was adopted
          }
        } else if (activity.due && activity.due->deadline) {
          event(plan, activity, activity.due->deadline->last, "");
        }
      }
    }
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace bbg::render
