#include <doctest/doctest.h>

#include <sstream>

#include "render/calendar.hpp"
#include "testutil.hpp"

using namespace bbg;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find("\r\n", at);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    lines.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

std::string unfold(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}
}  // namespace

TEST_SUITE("render::calendar") {
  TEST_CASE("long lines fold at 75 octets, never inside a character") {
    const std::string line = "SUMMARY:" + std::string(100, 'x') + std::string(40, '\xC3') ;
    std::string swedish = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) swedish += "åäö";
    const std::string folded = render::fold_line(swedish);
    for (const auto& l : lines_of(folded)) {
      CHECK(l.size() <= 75);
      CHECK((static_cast<unsigned char>(l.back()) & 0xC0) != 0xC0);  // no character cut after its lead byte
    }
    CHECK(unfold(folded) == swedish + "\r\n");
    (void)line;
  }

  TEST_CASE("text values escape commas, semicolons, backslashes and line breaks") {
    CHECK(render::escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne");
  }

  TEST_CASE("one all-day event per deadline and per occurrence, with stable UIDs") {
    std::string text = test::plan_yaml("      - id: \"1.2\"\n        title: Årlig analys\n        recurs: yearly\n        months: [4, 11]\n        status: planned\n");
    const auto result = test::check_text(text);
    REQUIRE(result.diagnostics.empty());
    const std::string ics = render::render_calendar(result.plans, {}, "20260101T000000Z", render::Lang::sv);
    const auto lines = lines_of(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    int events = 0, uids = 0, starts = 0, stamps = 0;
    for (const auto& l : lines) {
      CHECK(l.size() <= 75);
      events += l == "BEGIN:VEVENT";
      uids += l.rfind("UID:", 0) == 0;
      starts += l.rfind("DTSTART;VALUE=DATE:", 0) == 0;
      stamps += l.rfind("DTSTAMP:", 0) == 0;
    }
    CHECK(events == 9);  // 1.1 once, 1.2 in April and November of 2020-2023
    CHECK(uids == events);
    CHECK(starts == events);
    CHECK(stamps == events);
    CHECK(ics.find("DTSTART;VALUE=DATE:20210630\r\nDTEND;VALUE=DATE:20210701") != std::string::npos);
    // Renaming an activity keeps its UID.
    std::string renamed = text;
    renamed.replace(renamed.find("Årlig analys"), 13, "Nulägesanalys");
    const auto again = test::check_text(renamed);
    const std::string ics2 = render::render_calendar(again.plans, {}, "20260101T000000Z", render::Lang::sv);
    const auto uid_lines = [](const std::string& s) {
      std::vector<std::string> out;
      std::istringstream in(s);
      for (std::string l; std::getline(in, l);) {
        if (l.rfind("UID:", 0) == 0) out.push_back(l);
      }
      return out;
    };
    CHECK(uid_lines(ics) == uid_lines(ics2));
  }
}
