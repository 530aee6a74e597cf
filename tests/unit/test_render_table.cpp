#include <doctest/doctest.h>

#include "render/reports.hpp"
#include "render/table.hpp"

using namespace bbg::render;

namespace {
Table sample() {
  Table t;
  t.columns = {Column("Plan"), Column("Titel", Align::left, false, true), Column("N", Align::right),
               Column("Bar", Align::left, true)};
  t.rows = {{Cell("åäö"), Cell("Länsgemensam samverkan"), Cell("7"), Cell("██")},
            {Cell("b"), Cell("x, \"y\""), Cell("12"), Cell("")}};
  return t;
}
}  // namespace

TEST_SUITE("render::table") {
  TEST_CASE("columns line up by display width, not bytes") {
    const std::string out = render_table(sample(), TableFormat::table, {});
    CHECK(out ==
          "Plan  Titel                    N  Bar\n"
          "────  ──────────────────────  ──  ───\n"
          "åäö   Länsgemensam samverkan   7  ██\n"
          "b     x, \"y\"                  12\n");
  }

  TEST_CASE("a table too wide for the terminal cuts its shrinkable column") {
    TableStyle style;
    style.width = 30;
    const std::string out = render_table(sample(), TableFormat::table, style);
    CAPTURE(out);
    CHECK(out.find("åäö   Länsgemensam s…   7  ██\n") != std::string::npos);  // exactly 30 columns
  }

  TEST_CASE("csv follows RFC 4180, leaves out terminal-only columns and can use ; and a BOM") {
    TableStyle style;
    CHECK(render_table(sample(), TableFormat::csv, style) ==
          "Plan,Titel,N\r\nåäö,Länsgemensam samverkan,7\r\nb,\"x, \"\"y\"\"\",12\r\n");
    style.csv_separator = ';';
    style.csv_bom = true;
    const std::string out = render_table(sample(), TableFormat::csv, style);
    CHECK(out.rfind("\xEF\xBB\xBFPlan;Titel;N\r\n", 0) == 0);
    CHECK(out.find("b;\"x, \"\"y\"\"\";12") != std::string::npos);
  }

  TEST_CASE("a csv cell that looks like a formula is made inert") {
    CHECK(csv_field("=HYPERLINK(\"x\")", ',') == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("@SUM(A1)", ';') == "'@SUM(A1)");
  }

  TEST_CASE("markdown escapes pipes and right-aligns numbers") {
    Table t = sample();
    t.rows[1][1] = Cell("a|b");
    const std::string out = render_table(t, TableFormat::markdown, {});
    CHECK(out == "| Plan | Titel | N |\n| --- | --- | ---: |\n| åäö | Länsgemensam samverkan | 7 |\n| b | a\\|b | 12 |\n");
  }

  TEST_CASE("the progress bar shows done, in progress, overdue and planned shares") {
    bbg::report::Counts counts;
    counts.add(bbg::model::Status::done, false);
    counts.add(bbg::model::Status::in_progress, false);
    counts.add(bbg::model::Status::planned, true);
    counts.add(bbg::model::Status::planned, false);
    CHECK(progress_bar(counts, 8, false) == "██▓▓▒▒░░");
  }
}

TEST_SUITE("render::table") {
  TEST_CASE("fitting many rows to the terminal cuts each cell once (no work per row per step)") {
    Table t;
    t.columns = {Column("N", Align::right), Column("Titel", Align::left, false, true), Column("Ägare", Align::left, false, true)};
    for (int i = 0; i < 20000; ++i) t.rows.push_back({Cell(std::to_string(i)), Cell(std::string(80, 'x')), Cell(std::string(60, 'y'))});
    TableStyle style;
    style.width = 40;
    const std::string out = render_table(t, TableFormat::table, style);
    const std::string first = out.substr(0, out.find('\n'));
    CHECK(first.size() <= 40);
    CHECK(out.find(std::string(12, 'x')) != std::string::npos);
  }
}
