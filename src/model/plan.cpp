#include "model/plan.hpp"

namespace bbg::model {

std::optional<Status> parse_status(std::string_view text) {
  for (const Status s : k_all_statuses) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
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

}  // namespace bbg::model
