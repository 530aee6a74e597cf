#include <doctest/doctest.h>

#include "model/date.hpp"

using namespace bbg::model;

TEST_SUITE("model::date") {
  TEST_CASE("a year deadline is due on the last day of the year") {
    const auto d = parse_deadline("2024");
    REQUIRE(d);
    CHECK(d->kind == DeadlineKind::year);
    CHECK(d->first.iso() == "2024-01-01");
    CHECK(d->last.iso() == "2024-12-31");
  }

  TEST_CASE("a quarter deadline is due on the last day of its quarter") {
    CHECK(parse_deadline("2020-Q1")->last.iso() == "2020-03-31");
    CHECK(parse_deadline("2020-Q2")->last.iso() == "2020-06-30");
    CHECK(parse_deadline("2020-Q3")->first.iso() == "2020-07-01");
    CHECK(parse_deadline("2020-Q4")->last.iso() == "2020-12-31");
  }

  TEST_CASE("a month deadline is due on the last day of the month, leap years included") {
    CHECK(parse_deadline("2020-02")->last.iso() == "2020-02-29");
    CHECK(parse_deadline("2021-02")->last.iso() == "2021-02-28");
    CHECK(parse_deadline("1900-02")->last.iso() == "1900-02-28");
    CHECK(parse_deadline("2000-02")->last.iso() == "2000-02-29");
    CHECK(parse_deadline("2021-11")->last.iso() == "2021-11-30");
  }

  TEST_CASE("a day deadline is that day") {
    const auto d = parse_deadline("2021-06-16");
    REQUIRE(d);
    CHECK(d->kind == DeadlineKind::day);
    CHECK(d->last == Date(2021, 6, 16));
  }

  TEST_CASE("malformed deadlines are refused") {
    for (const char* text : {"", "20", "2020-Q5", "2020-Q0", "2020-13", "2020-00", "2021-02-30", "2020-1",
                             "2020-q1", "Q4 2020", "2020-01-01x", " 2020", "0000", "2020/01/01"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_deadline(text));
    }
  }

  TEST_CASE("dates must be real calendar days in YYYY-MM-DD") {
    CHECK(parse_date("2020-02-29"));
    CHECK_FALSE(parse_date("2021-02-29"));
    CHECK_FALSE(parse_date("2021-2-28"));
    CHECK_FALSE(parse_date("2021-04-31"));
    CHECK_FALSE(parse_date("2021-06-16T00:00"));
  }

  TEST_CASE("days since the epoch round-trip and order dates") {
    CHECK(Date(1970, 1, 1).days() == 0);
    CHECK(Date(2021, 6, 16).days() - Date(2021, 6, 1).days() == 15);
    CHECK(Date(2021, 1, 1).days() - Date(2020, 1, 1).days() == 366);
    for (long day : {-1000L, 0L, 18000L, 20000L, 2932896L}) {
      CHECK(Date::from_days(day).days() == day);
    }
    CHECK(Date(2020, 12, 31) < Date(2021, 1, 1));
  }
}

TEST_CASE("a quarter is YYYY-Qn with n from 1 to 4") {
  CHECK(bbg::model::is_quarter("2021-Q2"));
  CHECK(bbg::model::is_quarter("2021-Q4"));
  CHECK_FALSE(bbg::model::is_quarter("2021-Q5"));
  CHECK_FALSE(bbg::model::is_quarter("2021-Q0"));
  CHECK_FALSE(bbg::model::is_quarter("202a-Q1"));
  CHECK_FALSE(bbg::model::is_quarter("2021-Q12"));
  CHECK_FALSE(bbg::model::is_quarter("HEAD~1"));
}
