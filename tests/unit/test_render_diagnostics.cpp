#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/diagnostics.hpp"

using namespace bbg;

namespace {
model::Diagnostics sample() {
  model::Diagnostic d;
  d.location = {"plans/a,b.yaml", 3, 7};
  d.code = "due-format";
  d.path = "/areas/0/activities/0/due";
  d.message = "50% done:\nnot a <deadline>";
  return {d};
}
render::CheckReport report(const model::Diagnostics& ds) {
  render::CheckReport r;
  r.files = {"plans/a,b.yaml", "plans/ok.yaml"};
  r.checked = 2;
  r.diagnostics = &ds;
  r.source = [](const std::string&) { return std::string_view("a: 1\nb: 2\nåäö: \x1b[31mx\n"); };
  return r;
}
}  // namespace

TEST_SUITE("render::diagnostics") {
  TEST_CASE("json has exactly the documented shape") {
    const auto ds = sample();
    const auto doc = nlohmann::json::parse(render::render_check(report(ds), render::CheckFormat::json));
    CHECK(doc["files"] == 2);
    CHECK(doc["errors"] == 1);
    CHECK(doc["warnings"] == 0);
    const auto& d = doc["diagnostics"][0];
    CHECK(d.size() == 7);
    CHECK(d["line"] == 3);
    CHECK(d["column"] == 7);
    CHECK(d["severity"] == "error");
    CHECK(d["path"] == "/areas/0/activities/0/due");
  }

  TEST_CASE("github annotations escape properties and data") {
    const auto ds = sample();
    CHECK(render::render_check(report(ds), render::CheckFormat::github) ==
          "::error file=plans/a%2Cb.yaml,line=3,col=7,title=bbg due-format::50%25 done:%0Anot a <deadline>\n");
  }

  TEST_CASE("junit has one test case per file and escapes XML") {
    const auto ds = sample();
    const std::string xml = render::render_check(report(ds), render::CheckFormat::junit);
    CHECK(xml.find("tests=\"2\" failures=\"1\"") != std::string::npos);
    CHECK(xml.find("name=\"plans/ok.yaml\"") != std::string::npos);
    CHECK(xml.find("&lt;deadline&gt;") != std::string::npos);
    CHECK(xml.find("<deadline>") == std::string::npos);
  }

  TEST_CASE("sarif carries the region of each result") {
    const auto ds = sample();
    const auto doc = nlohmann::json::parse(render::render_check(report(ds), render::CheckFormat::sarif));
    CHECK(doc["version"] == "2.1.0");
    const auto& region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"] == 3);
    CHECK(region["startColumn"] == 7);
  }

  TEST_CASE("text quotes the source line with escapes and a caret under the column") {
    const auto ds = sample();
    const std::string text = render::render_check(report(ds), render::CheckFormat::text);
    CHECK(text.find(" 3 | åäö: \\x1B[31mx\n") != std::string::npos);
    CHECK(text.find("   |          ^\n") != std::string::npos);  // under "[": "åäö: " and the escaped ESC before it
    CHECK(text.find("\x1b") == std::string::npos);
    CHECK(text.find("checked 2 files: 1 error, 0 warnings") != std::string::npos);
  }
}
