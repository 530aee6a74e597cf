#include "model/date.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bbg::model {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Parses exactly `n` ASCII digits at text[pos].
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return k_days[month - 1];
}

bool is_valid_ymd(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil.
long Date::days() const {
  const long y = m_month <= 2 ? m_year - 1 : m_year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (m_month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + m_day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date(y, m, d);
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", m_year, m_month, m_day); }

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (!y || !m || !d || !is_valid_ymd(*y, *m, *d)) return std::nullopt;
  return Date(*y, *m, *d);
}

std::optional<Deadline> parse_deadline(std::string_view text) {
  const auto year = digits(text, 0, 4);
  if (!year || *year < 1) return std::nullopt;
  if (text.size() == 4) {
    return Deadline{DeadlineKind::year, Date(*year, 1, 1), Date(*year, 12, 31)};
  }
  if (text.size() == 7 && text[4] == '-' && text[5] == 'Q' && text[6] >= '1' && text[6] <= '4') {
    const int q = text[6] - '0';
    const int last_month = q * 3;
    return Deadline{DeadlineKind::quarter, Date(*year, last_month - 2, 1),
                    Date(*year, last_month, days_in_month(*year, last_month))};
  }
  if (text.size() == 7 && text[4] == '-') {
    const auto month = digits(text, 5, 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return Deadline{DeadlineKind::month, Date(*year, *month, 1),
                    Date(*year, *month, days_in_month(*year, *month))};
  }
  if (const auto day = parse_date(text)) return Deadline{DeadlineKind::day, *day, *day};
  return std::nullopt;
}

bool is_quarter(std::string_view text) {
  return text.size() == 7 && std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         text.substr(4, 2) == "-Q" && text[6] >= '1' && text[6] <= '4';
}

std::string quarter_of(Date date) { return fmt::format("{:04}-Q{}", date.year(), (date.month() - 1) / 3 + 1); }

std::string previous_quarter(Date date) {
  const int q = (date.month() - 1) / 3 + 1;
  return q == 1 ? fmt::format("{:04}-Q4", date.year() - 1) : fmt::format("{:04}-Q{}", date.year(), q - 1);
}

}  // namespace bbg::model
