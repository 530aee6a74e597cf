#include "model/plan.hpp"

#include <algorithm>
#include <set>

namespace bbg::model {

std::optional<Status> parse_status(std::string_view text) {
  for (const Status s : k_all_statuses) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

namespace {

// The word folded for comparison: ASCII and Å, Ä, Ö, É lowered, spaces and hyphens dropped along
// with underscores.
std::string fold_status_word(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_' || c == ' ' || c == '-') continue;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < text.size() && (text[i + 1] == '\x85' || text[i + 1] == '\x84' ||
                                                        text[i + 1] == '\x96' || text[i + 1] == '\x89')) {
      out += c;
      out += static_cast<char>(text[++i] + 0x20);  // Å Ä Ö É to å ä ö é
    } else {
      out += c;
    }
  }
  return out;
}

struct StatusWord {
  const char* word;
  Status status;
};

constexpr StatusWord k_status_words[] = {
    {"planned", Status::planned},       {"in_progress", Status::in_progress}, {"done", Status::done},
    {"delayed", Status::delayed},       {"cancelled", Status::cancelled},     {"planerad", Status::planned},
    {"pågår", Status::in_progress},     {"klar", Status::done},               {"försenad", Status::delayed},
    {"avbruten", Status::cancelled},    {"canceled", Status::cancelled}};

}  // namespace

std::optional<Status> parse_status_word(std::string_view text) {
  const std::string folded = fold_status_word(text);
  for (const auto& [word, status] : k_status_words) {
    if (folded == fold_status_word(word)) return status;
  }
  return std::nullopt;
}

const std::vector<std::string>& status_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const auto& [word, status] : k_status_words) out.emplace_back(word);
    out.emplace_back("in progress");
    return out;
  }();
  return words;
}

const char* to_string(Status status) {
  switch (status) {
    case Status::planned: return "planned";
    case Status::in_progress: return "in_progress";
    case Status::done: return "done";
    case Status::delayed: return "delayed";
    case Status::cancelled: return "cancelled";
  }
  return "planned";
}

std::optional<Recurrence> parse_recurrence(std::string_view text) {
  if (text == "yearly") return Recurrence::yearly;
  if (text == "quarterly") return Recurrence::quarterly;
  if (text == "monthly") return Recurrence::monthly;
  return std::nullopt;
}

const char* to_string(Recurrence recurrence) {
  switch (recurrence) {
    case Recurrence::yearly: return "yearly";
    case Recurrence::quarterly: return "quarterly";
    case Recurrence::monthly: return "monthly";
  }
  return "yearly";
}

std::string next_activity_id(const Plan& plan, const Area& area) {
  std::set<std::string> used;
  for (const auto& a : plan.areas) {
    for (const auto& activity : a.activities) used.insert(activity.id);
  }
  std::string prefix = area.id + ".";
  long next = 1;
  for (const auto& activity : area.activities) {
    // "<prefix>.<1 to 9 digits>"
    const std::size_t dot = activity.id.rfind('.');
    if (dot == std::string::npos) continue;
    const std::string number = activity.id.substr(dot + 1);
    if (number.empty() || number.size() > 9 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    prefix = activity.id.substr(0, dot + 1);
    next = std::max(next, std::stol(number) + 1);
  }
  while (used.count(prefix + std::to_string(next))) ++next;
  return prefix + std::to_string(next);
}

std::string next_area_id(const Plan& plan) {
  long next = 1;
  for (const auto& area : plan.areas) {
    if (!area.id.empty() && area.id.size() < 9 &&
        std::all_of(area.id.begin(), area.id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      next = std::max(next, std::stol(area.id) + 1);
    }
  }
  return std::to_string(next);
}

std::vector<int> round_months(const Activity& activity) {
  std::vector<int> months;
  if (!activity.recurs) return months;
  switch (*activity.recurs) {
    case Recurrence::yearly:
      for (const int m : activity.months) {
        if (m >= 1 && m <= 12) months.push_back(m);
      }
      if (months.empty()) months = {12};
      break;
    case Recurrence::quarterly: months = {3, 6, 9, 12}; break;
    case Recurrence::monthly: months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; break;
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

long long count_rounds(const Activity& activity, Date first, Date last) {
  if (last < first) return 0;
  long long count = 0;
  for (const int month : round_months(activity)) {
    // Years whose end of `month` lies in [first, last]: all of first.year()..last.year(), less
    // the first when its round is before `first` and the last when its round is after `last`.
    long long years = last.year() - first.year() + 1;
    if (Date(first.year(), month, days_in_month(first.year(), month)) < first) --years;
    if (last < Date(last.year(), month, days_in_month(last.year(), month))) --years;
    count += std::max(0LL, years);
  }
  return count;
}

}  // namespace bbg::model
