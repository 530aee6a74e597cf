// Calendar dates and the deadline grammar of SPEC.md (YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace bbg::model {

class Date {
 public:
  Date() = default;
  // Unchecked: use parse_date or is_valid_ymd for input.
  Date(int year, int month, int day) : m_year(year), m_month(month), m_day(day) {}

  int year() const { return m_year; }
  int month() const { return m_month; }
  int day() const { return m_day; }
  // Days since 1970-01-01 (proleptic Gregorian).
  long days() const;
  static Date from_days(long days);
  std::string iso() const;  // YYYY-MM-DD

  auto operator<=>(const Date&) const = default;

 private:
  int m_year = 1970;
  int m_month = 1;
  int m_day = 1;
};

bool is_valid_ymd(int year, int month, int day);
int days_in_month(int year, int month);

// Strict ISO YYYY-MM-DD with a real calendar day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

enum class DeadlineKind { day, month, quarter, year };

// A deadline as written and the last day it covers.
struct Deadline {
  DeadlineKind kind = DeadlineKind::day;
  Date first;  // first day the written period covers
  Date last;   // the deadline proper: last day covered
};

// YYYY-MM-DD, YYYY-MM (end of month), YYYY-Qn (end of quarter), YYYY (end of year).
std::optional<Deadline> parse_deadline(std::string_view text);

// True for a quarter as bbg names one: YYYY-Qn, n from 1 to 4.
bool is_quarter(std::string_view text);

// The quarter a date falls in, as YYYY-Qn.
std::string quarter_of(Date date);

// The quarter before the one `date` falls in: the last finished quarter.
std::string previous_quarter(Date date);

}  // namespace bbg::model
