// The plan data model of SPEC.md, with where each field was written so that rules and
// reports can point at it. Read leniently: a field of the wrong type is left empty (the
// schema check reports it).
#pragma once

#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace bbg::model {

enum class Status { planned, in_progress, done, delayed, cancelled };
inline constexpr Status k_all_statuses[] = {Status::planned, Status::in_progress, Status::done,
                                            Status::delayed, Status::cancelled};
std::optional<Status> parse_status(std::string_view text);
// A status word as a person types it on the command line, in the words the tables show: the file's
// words (in_progress) and the English and Swedish labels (in progress, pågår, klar, försenad,
// planerad, avbruten), in any case, with a space, a hyphen or nothing for the underscore.
std::optional<Status> parse_status_word(std::string_view text);
// Every word parse_status_word takes, in its written form (for help and did-you-mean).
const std::vector<std::string>& status_words();
const char* to_string(Status status);

enum class Recurrence { yearly, quarterly, monthly };
std::optional<Recurrence> parse_recurrence(std::string_view text);
const char* to_string(Recurrence recurrence);

// Where a value was written: 1-based line and column, and its JSON pointer.
struct Where {
  int line = 1;
  int column = 1;
  std::string pointer;
};

// A date field as written; `date` is empty when the text is not a valid YYYY-MM-DD.
struct DateField {
  std::string text;
  std::optional<Date> date;
  Where where;
};

// A deadline field (due, start) as written; `deadline` is empty when it does not parse.
struct DeadlineField {
  std::string text;
  std::optional<Deadline> deadline;
  Where where;
};

struct Update {
  std::optional<DateField> date;
  std::string date_text;  // the source's wording when it gives no day ("april 2021"); shown instead of date
  std::optional<Status> status;
  std::optional<DeadlineField> round;  // the round of a recurring activity this update names
  std::string note;
  std::string by;
  Where where;
  Where status_where;
};

struct Activity {
  std::string id;
  std::string title;
  std::vector<std::string> owners;
  std::optional<DeadlineField> start;
  std::optional<DeadlineField> due;
  std::string due_text;
  std::optional<Recurrence> recurs;
  std::vector<int> months;
  std::string follow_up;
  std::optional<Status> status;
  std::vector<Update> updates;
  // Every other field (notes, financing, owners_text, ...) in file order, lists joined by ", ".
  std::vector<std::pair<std::string, std::string>> extra;
  Where where;
  Where id_where;
  Where status_where;
  Where recurs_where;
  Where owners_where;  // the owners list (the rules only: not kept in the cache)
};

struct Area {
  std::string id;
  std::string title;
  std::vector<Activity> activities;
  Where where;
  Where id_where;
};

struct Plan {
  std::string file;  // as shown to users
  std::optional<long long> schema_version;
  std::string id;
  std::string title;
  std::string level;
  std::string organisation;
  std::optional<std::string> parent;
  std::optional<DateField> period_start;
  std::optional<DateField> period_end;
  std::vector<DateField> dates;  // every other plain date field: adopted.date, revisions, review_by, as_of
  std::optional<Date> adopted_on;  // adopted.date: rounds due before it are not expected
  // When the statuses given without updates were recorded (SPEC.md "Dated knowledge"): as_of,
  // else the last of revisions, else adopted.date; empty when the plan gives none of them.
  std::optional<Date> known_from;
  std::vector<Area> areas;
  Where where;
  Where id_where;
  Where parent_where;
};

// A plan with no end is taken to run this long from its start when its rounds are counted or
// listed: every listing of rounds is bounded, whatever the input.
inline constexpr int k_open_period_years = 100;

// The months (1-12, ascending, each once) in which a recurring activity falls due: `months` for
// yearly ones (December when none), every quarter's or month's last for the others.
std::vector<int> round_months(const Activity& activity);

// How many rounds of a recurring activity fall due from `first` to `last` (a month's last day
// each), counted without listing them.
long long count_rounds(const Activity& activity, Date first, Date last);

// The id for a new activity after the area's last one ("1.5" -> "1.6"; AREA.1 in an empty
// area), never one the plan uses.
std::string next_activity_id(const Plan& plan, const Area& area);
// One more than the plan's highest numeric area id.
std::string next_area_id(const Plan& plan);

}  // namespace bbg::model
