#include <doctest/doctest.h>

#include "render/diff.hpp"
#include "render/form.hpp"
#include "util/csv.hpp"

using namespace bbg;

TEST_CASE("a Swedish Excel file: BOM, ';', CRLF and quoted fields with separators, quotes and line breaks") {
  const auto csv = util::read_csv("\xEF\xBB\xBFplan;aktivitet;notering\r\n"
                                  "p;1.1;\"Möte; se \"\"protokoll\"\"\r\nrad två\"\r\n"
                                  ";;\r\n"
                                  "p;1.2;klart\r\n");
  REQUIRE_FALSE(csv.error);
  CHECK(csv.bom);
  CHECK(csv.separator == ';');
  REQUIRE(csv.records.size() == 4);
  CHECK(csv.records[1].fields == std::vector<std::string>{"p", "1.1", "Möte; se \"protokoll\"\r\nrad två"});
  CHECK(csv.records[2].line == 4);  // the quoted line break counts
  CHECK(csv.records[3].line == 5);
  CHECK(csv.records[3].fields[2] == "klart");
}

TEST_CASE("the separator is the one the header holds most often outside quotes") {
  CHECK(util::read_csv("a,b,c\n1,2,3\n").separator == ',');
  CHECK(util::read_csv("\"a,b\";c\n").separator == ';');
  CHECK(util::read_csv("a\tb\n").separator == '\t');
  CHECK(util::read_csv("a\n").separator == ',');
}

TEST_CASE("a file that is not UTF-8 is read as Windows-1252, as Excel's ANSI CSV is written") {
  const auto csv = util::read_csv("plan;not\n" "p;P\xE5g\xE5r \x96 m\xF6te \x80\n");
  CHECK(csv.cp1252);
  REQUIRE(csv.records.size() == 2);
  CHECK(csv.records[1].fields[1] == "Pågår – möte €");
  CHECK_FALSE(util::read_csv("plan;not\np;Pågår\n").cp1252);
}

TEST_CASE("a quote never closed is an error with the line it opens on; no last line break is fine") {
  const auto open = util::read_csv("a;b\n1;\"never\n2;3\n");
  REQUIRE(open.error);
  CHECK(*open.error == "line 2: a quoted field is never closed (a \" is missing)");
  const auto last = util::read_csv("a;b\n1;2");
  REQUIRE(last.records.size() == 2);
  CHECK(last.records[1].fields == std::vector<std::string>{"1", "2"});
}

TEST_CASE("form headers are found in either language, any case, with a space for the underscore") {
  CHECK(render::form_column("new_status") == render::FormColumn::new_status);
  CHECK(render::form_column("Ny status") == render::FormColumn::new_status);
  CHECK(render::form_column("OMGÅNG") == render::FormColumn::round);
  CHECK(render::form_column("Aktivitet") == render::FormColumn::activity);
  CHECK_FALSE(render::form_column("kommentar"));
}

TEST_CASE("a diff shows each change in its own hunk with three lines around, as git does") {
  std::string before, after;
  for (int i = 1; i <= 30; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += (i == 5 ? std::string("changed 5\n") : "line " + std::to_string(i) + "\n");
    if (i == 25) after += "added after 25\n";
  }
  CHECK(render::unified_diff(before, after, "f.yaml") ==
        "--- a/f.yaml\n+++ b/f.yaml\n"
        "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed 5\n line 6\n line 7\n line 8\n"
        "@@ -23,6 +23,7 @@\n line 23\n line 24\n line 25\n+added after 25\n line 26\n line 27\n line 28\n");
}

TEST_CASE("changes six lines apart or less share one hunk; a change at the start has no lines before it") {
  const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
  const std::string after = "A\nb\nc\nd\ne\nf\ng\nH\ni\n";
  CHECK(render::unified_diff(before, after, "f") ==
        "--- a/f\n+++ b/f\n@@ -1,9 +1,9 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n i\n");
  CHECK(render::unified_diff("x\n", "x\n", "f").empty());
  CHECK(render::unified_diff("", "new\n", "f") == "--- a/f\n+++ b/f\n@@ -1,0 +1,1 @@\n+new\n");
}

TEST_CASE("a file with UTF-8's byte order mark but other bytes after it is an error with the line") {
  const auto csv = util::read_csv("\xEF\xBB\xBFplan;not\np;P\xE5g\xE5r\n");
  REQUIRE(csv.error);
  CHECK(*csv.error == "line 2: not UTF-8, although the file starts with UTF-8's byte order mark; save it again as \"CSV UTF-8\"");
}
