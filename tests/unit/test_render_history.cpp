#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "render/history.hpp"

using namespace bbg;
using model::Status;

namespace {

model::ActivityState state(const std::string& area, const std::string& id, Status status, bool overdue,
                           std::vector<std::string> owners = {"Processledarna"}) {
  model::ActivityState a;
  a.plan = "plan-a";
  a.plan_title = "Länsplan";
  a.area = area;
  a.area_title = "Område " + area;
  a.id = id;
  a.title = "Aktivitet " + id;
  a.owners = std::move(owners);
  a.status = status;
  a.overdue = overdue;
  a.days_overdue = overdue ? 30 : 0;
  a.due = model::Date(2021, 5, 31);
  a.rounds_missed = 0;
  return a;
}

model::SnapshotInfo info_of(const std::string& quarter, const std::string& as_of, const std::vector<model::ActivityState>& activities) {
  model::SnapshotInfo info;
  info.quarter = quarter;
  info.as_of = as_of;
  info.taken_at = "2021-07-01T08:30:00Z";
  for (const auto& a : activities) {
    ++info.activities;
    info.done += a.status == Status::done;
    info.overdue += a.overdue;
  }
  return info;
}

model::Snapshot snapshot(const std::string& quarter, const std::string& as_of, std::vector<model::ActivityState> activities) {
  model::Snapshot s;
  s.info = info_of(quarter, as_of, activities);
  s.activities = std::move(activities);
  return s;
}

std::string html(const model::Snapshot& current, const model::Snapshot* previous = nullptr,
                 std::vector<model::SnapshotInfo> history = {}, render::Lang lang = render::Lang::en) {
  if (history.empty()) history = {current.info};
  return render::render_quarterly({&current, previous, history}, render::DocumentFormat::html, lang);
}

// The text between the first `from` and the `to` after it.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto start = text.find(from);
  REQUIRE(start != std::string::npos);
  const auto end = text.find(to, start + from.size());
  REQUIRE(end != std::string::npos);
  return text.substr(start, end - start);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Kronoberg's area 6 as the issue found it: one done activity that is recurring and also overdue
// (its last update is a done round, an earlier round was missed), two overdue.
std::vector<model::ActivityState> area_six() {
  return {state("6", "6.1", Status::in_progress, true), state("6", "6.2", Status::planned, true), state("6", "6.3", Status::done, true)};
}

}  // namespace

TEST_SUITE("render::history") {
  TEST_CASE("an activity both done and overdue is a striped part of the bar, counted as done and as overdue") {
    const auto current = snapshot("2021-Q2", "2021-06-30", area_six());
    const std::string out = html(current);
    const std::string row = between(out, "<td class=\"key\">6</td>", "</tr>");
    // The bar: one third striped (done and overdue), two thirds overdue; no all-red bar.
    CHECK(row.find(R"(data-part="done-overdue" data-count="1" x="0.000" y="0" width="33.333")") != std::string::npos);
    CHECK(row.find(R"(data-part="overdue" data-count="2" x="33.333" y="0" width="66.667")") != std::string::npos);
    // The numbers beside it: 3 activities, 1 done, 0 in progress on time, 3 overdue, 0 not started, 33 % (no
    // column of cancelled ones: there are none).
    const std::regex cells(R"re(<td class="num">([^<]*)</td>)re");
    std::vector<std::string> numbers;
    for (auto it = std::sregex_iterator(row.begin(), row.end(), cells); it != std::sregex_iterator(); ++it) numbers.push_back((*it)[1]);
    CHECK(numbers == std::vector<std::string>{"3", "1", "0", "3", "0", "33%"});
    CHECK(out.find("A striped part is a recurring activity that is done but missed an earlier round") != std::string::npos);
  }

  TEST_CASE("the done part of a bar is the done percentage beside it, cancelled activities included in both") {
    auto list = area_six();
    list.push_back(state("6", "6.4", Status::cancelled, false));
    list.push_back(state("6", "6.5", Status::done, false));
    const std::string row = between(html(snapshot("2021-Q2", "2021-06-30", list)), "<td class=\"key\">6</td>", "</tr>");
    CHECK(row.find(R"(data-part="done" data-count="1" x="0.000" y="0" width="20.000")") != std::string::npos);
    CHECK(row.find(R"(data-part="done-overdue" data-count="1" x="20.000" y="0" width="20.000")") != std::string::npos);
    CHECK(row.find(R"(data-part="cancelled" data-count="1" x="80.000" y="0" width="20.000")") != std::string::npos);
    CHECK(row.find("<td class=\"num\">40%</td>") != std::string::npos);
  }

  TEST_CASE("done, in progress, overdue and not started have four different colours and a legend") {
    auto list = area_six();
    list.push_back(state("7", "7.1", Status::in_progress, false));
    list.push_back(state("7", "7.2", Status::planned, false));
    list.push_back(state("7", "7.3", Status::done, false));
    const std::string out = html(snapshot("2021-Q2", "2021-06-30", list));
    std::vector<std::string> fills;
    for (const char* part : {"done", "in-progress", "overdue", "not-started"}) {
      const std::regex fill(std::string(R"(data-part=")") + part + R"re(" [^>]* fill="([^"]+)")re");
      std::smatch m;
      REQUIRE(std::regex_search(out, m, fill));
      fills.push_back(m[1]);
    }
    std::sort(fills.begin(), fills.end());
    CHECK(std::unique(fills.begin(), fills.end()) == fills.end());
    const std::string legend = between(out, "<p class=\"legend\">", "</p>");
    for (const char* name : {">done<", ">in progress<", ">overdue<", ">not started (planned or delayed)<"}) {
      CHECK(legend.find(std::string(" ") + (name + 1)) != std::string::npos);
    }
  }

  TEST_CASE("the key figures come first, each with its change since the previous snapshot") {
    std::vector<model::ActivityState> before, after;
    for (int i = 1; i <= 6; ++i) {
      const std::string id = "1." + std::to_string(i);
      before.push_back(state("1", id, i <= 3 ? Status::done : Status::in_progress, false));
      after.push_back(state("1", id, i <= 5 ? Status::done : Status::in_progress, i == 6));
    }
    before[0].rounds_missed = 2;
    after[0].rounds_missed = 3;
    const auto previous = snapshot("2021-Q1", "2021-03-31", before);
    const auto current = snapshot("2021-Q2", "2021-06-30", after);
    const std::string out = html(current, &previous, {previous.info, current.info});
    const std::string figures = between(out, "<h2>Key figures</h2>", "</table>");
    const std::regex cells(R"re(<td class="num">([^<]*)</td>)re");
    std::vector<std::string> numbers;
    for (auto it = std::sregex_iterator(figures.begin(), figures.end(), cells); it != std::sregex_iterator(); ++it) numbers.push_back((*it)[1]);
    // Activities, done, in progress, overdue, rounds missed.
    CHECK(numbers == std::vector<std::string>{"6 (±0)", "3 → 5 (+2)", "3 → 0 (-3)", "0 → 1 (+1)", "2 → 3 (+1)"});
    CHECK(out.find("<h2>Key figures</h2>") < out.find("<h2>Trend</h2>"));
    CHECK(out.find("<h2>Trend</h2>") < out.find("<h2>Status per subject area</h2>"));
    const std::string md = render::render_quarterly({&current, &previous, {previous.info, current.info}}, render::DocumentFormat::markdown,
                                                    render::Lang::en);
    CHECK(md.find("| Länsplan | 6 (±0) | 3 → 5 (+2) | 3 → 0 (-3) | 0 → 1 (+1) | 2 → 3 (+1) |") != std::string::npos);
  }

  TEST_CASE("missed rounds a snapshot did not count are shown as unknown, not as none") {
    auto list = area_six();
    for (auto& a : list) a.rounds_missed.reset();
    const std::string figures = between(html(snapshot("2021-Q2", "2021-06-30", list)), "<h2>Key figures</h2>", "</section>");
    CHECK(figures.find("<td class=\"num\">–</td>") != std::string::npos);
    CHECK(figures.find("did not count missed rounds") != std::string::npos);
  }

  TEST_CASE("the trend spaces quarters by the time between them and shows done and overdue") {
    const auto a = snapshot("2021-Q4", "2021-12-31", area_six());
    const auto b = snapshot("2022-Q1", "2022-03-31", area_six());
    const auto c = snapshot("2022-Q4", "2022-12-31", area_six());
    const std::string chart = between(html(c, &b, {a.info, b.info, c.info}), "<svg class=\"trend\"", "</svg>");
    const std::regex circle(R"re(<circle cx="([0-9.]+)")re");
    std::vector<double> xs;
    for (auto it = std::sregex_iterator(chart.begin(), chart.end(), circle); it != std::sregex_iterator(); ++it) xs.push_back(std::stod((*it)[1]));
    REQUIRE(xs.size() == 3);
    CHECK((xs[2] - xs[1]) == doctest::Approx(3 * (xs[1] - xs[0])).epsilon(0.01));
    CHECK(count(chart, "<polyline") == 3);  // done, overdue, all activities
    CHECK(chart.find("stroke=\"#d55e00\"") != std::string::npos);
    CHECK(chart.find("stroke=\"#009e73\"") != std::string::npos);
  }

  TEST_CASE("trend labels stay inside the chart and apart, thinned out over many quarters") {
    std::vector<model::SnapshotInfo> history;
    for (int year = 2015; year <= 2026; ++year) {
      for (int q = 1; q <= 4; ++q) history.push_back(info_of(std::to_string(year) + "-Q" + std::to_string(q), "2021-06-30", area_six()));
    }
    const auto current = snapshot("2026-Q4", "2026-12-31", area_six());
    const std::string chart = between(html(current, nullptr, history), "<svg class=\"trend\"", "</svg>");
    const std::regex label(R"re(<text x="([0-9.]+)" y="([0-9]+)" font-size="10" text-anchor="middle"[^>]*>([^<]+)</text>)re");
    std::vector<std::pair<double, int>> placed;
    for (auto it = std::sregex_iterator(chart.begin(), chart.end(), label); it != std::sregex_iterator(); ++it) {
      placed.emplace_back(std::stod((*it)[1]), std::stoi((*it)[2]));
    }
    CHECK(placed.size() > 4);
    CHECK(placed.size() < history.size());
    CHECK(chart.find(">2026-Q4</text>") != std::string::npos);  // the newest quarter is always labelled
    CHECK(chart.find(">2015-Q1</text>") != std::string::npos);  // and the oldest
    for (std::size_t i = 0; i < placed.size(); ++i) {
      CHECK(placed[i].first - 22 >= 0);  // "2021-Q4" is about 43 units wide at font size 10
      CHECK(placed[i].first + 22 <= 640);
      for (std::size_t j = i + 1; j < placed.size(); ++j) {
        if (placed[i].second == placed[j].second) CHECK(std::abs(placed[i].first - placed[j].first) >= 44);
      }
    }
  }

  TEST_CASE("per owner: the counts, then only that owner's overdue activities") {
    std::vector<model::ActivityState> list = {state("1", "1.1", Status::in_progress, true, {"Skolan"}),
                                              state("1", "1.2", Status::done, false, {"Skolan", "Socialtjänsten"}),
                                              state("1", "1.3", Status::planned, false, {"Socialtjänsten"})};
    list[1].title = "Klar aktivitet";
    list[2].title = "Planerad aktivitet";
    const std::string out = html(snapshot("2021-Q2", "2021-06-30", list));
    const std::string owners = between(out, "<h2>Per owner</h2>", "</section>");
    CHECK(owners.find("<tr><td class=\"title\">Skolan</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>") !=
          std::string::npos);
    CHECK(owners.find("<tr><td class=\"title\">Socialtjänsten</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>") !=
          std::string::npos);
    CHECK(owners.find("<h4>Skolan (1)</h4>") != std::string::npos);
    CHECK(owners.find("<h4>Socialtjänsten") == std::string::npos);
    CHECK(owners.find("Klar aktivitet") == std::string::npos);
    CHECK(owners.find("Planerad aktivitet") == std::string::npos);
    CHECK(count(owners, "Aktivitet 1.1") == 1);
  }

  TEST_CASE("dates are written as the language writes them") {
    const auto current = snapshot("2021-Q2", "2021-06-30", area_six());
    const std::string sv = html(current, nullptr, {}, render::Lang::sv);
    CHECK(sv.find("Läget per 30 juni 2021.") != std::string::npos);
    CHECK(sv.find("1 juli 2021 kl. 08:30 UTC") != std::string::npos);
    CHECK(sv.find("31 maj 2021") != std::string::npos);  // a due date
    CHECK(sv.find("2021-06-30") == std::string::npos);
    const std::string en = html(current);
    CHECK(en.find("State as of 30 June 2021.") != std::string::npos);
    CHECK(en.find("1 July 2021, 08:30 UTC") != std::string::npos);
  }

  TEST_CASE("printed, the report is A4 with the details after the first page") {
    const std::string out = html(snapshot("2021-Q2", "2021-06-30", area_six()));
    CHECK(out.find("@page { size: A4;") != std::string::npos);
    CHECK(out.find("section.details { break-before: page; }") != std::string::npos);
    CHECK(out.find("tr { break-inside: avoid; }") != std::string::npos);
    CHECK(out.find(".keep, figure { break-inside: avoid; }") != std::string::npos);
  }

  TEST_CASE("plan text is escaped in every part of the report") {
    auto list = area_six();
    for (auto& a : list) {
      a.title = "<script>alert(1)</script>";
      a.plan_title = "Plan & <b>";
      a.area_title = "\"area\"";
      a.owners = {"<i>owner</i>"};
    }
    const std::string out = html(snapshot("2021-Q2", "2021-06-30", list));
    CHECK(out.find("<script>") == std::string::npos);
    CHECK(out.find("<b>") == std::string::npos);
    CHECK(out.find("<i>") == std::string::npos);
    CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(out.find("Plan &amp; &lt;b&gt;") != std::string::npos);
  }
}
