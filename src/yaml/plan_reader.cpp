#include "yaml/plan_reader.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace bbg::yaml {
namespace {

// The JSON pointer of the value being read; none when the caller reads no pointers.
using Pointer = std::optional<std::string>;

Pointer append(const Pointer& pointer, std::string_view segment) {
  return pointer ? Pointer(pointer_append(*pointer, segment)) : std::nullopt;
}

model::Where where_of(const Node& node, const Pointer& pointer) {
  return model::Where{node.mark.line, node.mark.column, pointer ? *pointer : std::string()};
}

const std::string_view* text_of(const Node* node) {
  return node && node->kind == Kind::scalar ? &node->value : nullptr;
}

std::string string_field(const Node& map, std::string_view key) {
  const std::string_view* text = text_of(map.find(key));
  return text ? std::string(*text) : std::string();
}

std::optional<model::DateField> date_field(const Node& map, std::string_view key, const Pointer& pointer) {
  const Node* node = map.find(key);
  if (!node || node->kind != Kind::scalar) return std::nullopt;
  return model::DateField{std::string(node->value), model::parse_date(node->value),
                          where_of(*node, append(pointer, key))};
}

std::optional<model::DeadlineField> deadline_field(const Node& map, std::string_view key,
                                                   const Pointer& pointer) {
  const Node* node = map.find(key);
  if (!node || node->kind != Kind::scalar) return std::nullopt;
  return model::DeadlineField{std::string(node->value), model::parse_deadline(node->value),
                              where_of(*node, append(pointer, key))};
}

std::optional<model::Status> status_field(const Node& map) {
  const std::string_view* text = text_of(map.find("status"));
  return text ? model::parse_status(*text) : std::nullopt;
}

model::Where where_of_key(const Node& map, std::string_view key, const Pointer& pointer) {
  const Node* node = map.find(key);
  return node ? where_of(*node, append(pointer, key)) : where_of(map, pointer);
}

model::Update read_update(const Node& node, const Pointer& pointer, Texts texts) {
  model::Update update;
  update.where = where_of(node, pointer);
  if (node.kind != Kind::map) return update;
  update.date = date_field(node, "date", pointer);
  update.date_text = string_field(node, "date_text");
  update.status = status_field(node);
  update.round = deadline_field(node, "round", pointer);
  update.status_where = where_of_key(node, "status", pointer);
  if (texts == Texts::skip) return update;
  update.note = string_field(node, "note");
  update.by = string_field(node, "by");
  return update;
}

model::Activity read_activity(const Node& node, const Pointer& pointer, Texts texts) {
  model::Activity activity;
  activity.where = where_of(node, pointer);
  if (node.kind != Kind::map) return activity;
  activity.id = string_field(node, "id");
  activity.id_where = where_of_key(node, "id", pointer);
  if (texts == Texts::read) activity.title = string_field(node, "title");
  activity.owners_where = where_of_key(node, "owners", pointer);
  if (const Node* owners = node.find("owners"); owners && owners->kind == Kind::sequence) {
    for (const Node& owner : owners->items) {
      if (owner.kind == Kind::scalar) activity.owners.emplace_back(owner.value);
    }
  }
  activity.start = deadline_field(node, "start", pointer);
  activity.due = deadline_field(node, "due", pointer);
  if (texts == Texts::read) activity.due_text = string_field(node, "due_text");
  if (const std::string_view* recurs = text_of(node.find("recurs"))) {
    activity.recurs = model::parse_recurrence(*recurs);
    activity.recurs_where = where_of_key(node, "recurs", pointer);
  }
  if (const Node* months = node.find("months"); months && months->kind == Kind::sequence) {
    for (const Node& month : months->items) {
      const auto value = integer_value(month);
      if (value && *value >= std::numeric_limits<int>::min() && *value <= std::numeric_limits<int>::max()) {
        activity.months.push_back(static_cast<int>(*value));
      }
    }
  }
  if (texts == Texts::read) activity.follow_up = string_field(node, "follow_up");
  activity.status = status_field(node);
  activity.status_where = where_of_key(node, "status", pointer);
  if (const Node* updates = node.find("updates"); updates && updates->kind == Kind::sequence) {
    const Pointer updates_pointer = append(pointer, "updates");
    activity.updates.reserve(updates->items.size());
    for (std::size_t i = 0; i < updates->items.size(); ++i) {
      activity.updates.push_back(
          read_update(updates->items[i], append(updates_pointer, std::to_string(i)), texts));
    }
  }
  if (texts == Texts::skip) return activity;
  static const std::set<std::string, std::less<>> k_modelled = {
      "id", "title", "owners", "start", "due", "due_text", "recurs", "months", "follow_up", "status", "updates"};
  for (const auto& [key, value] : node.entries) {
    if (k_modelled.count(key.value)) continue;
    if (value.kind == Kind::scalar) {
      activity.extra.emplace_back(key.value, value.value);
    } else if (value.kind == Kind::sequence) {
      std::string joined;
      for (const Node& item : value.items) {
        if (item.kind != Kind::scalar) continue;
        if (!joined.empty()) joined += ", ";
        joined += item.value;
      }
      activity.extra.emplace_back(key.value, joined);
    }
  }
  return activity;
}

model::Area read_area(const Node& node, const Pointer& pointer, Texts texts) {
  model::Area area;
  area.where = where_of(node, pointer);
  if (node.kind != Kind::map) return area;
  area.id = string_field(node, "id");
  area.id_where = where_of_key(node, "id", pointer);
  area.title = string_field(node, "title");
  if (const Node* activities = node.find("activities"); activities && activities->kind == Kind::sequence) {
    const Pointer list_pointer = append(pointer, "activities");
    area.activities.reserve(activities->items.size());
    for (std::size_t i = 0; i < activities->items.size(); ++i) {
      area.activities.push_back(
          read_activity(activities->items[i], append(list_pointer, std::to_string(i)), texts));
    }
  }
  return area;
}

}  // namespace

std::string pointer_append(std::string_view pointer, std::string_view segment) {
  std::string out;
  out.reserve(pointer.size() + 1 + segment.size());
  out += pointer;
  out += '/';
  if (segment.find_first_of("~/") == std::string_view::npos) {
    out += segment;
    return out;
  }
  for (const char c : segment) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

model::Plan read_plan(const Node& root, std::string file, Texts texts, Pointers pointers) {
  // The pointer of a place at the top of the plan, when pointers are read.
  const auto at = [&](std::string text) { return pointers == Pointers::read ? Pointer(std::move(text)) : std::nullopt; };
  model::Plan plan;
  plan.file = std::move(file);
  plan.where = where_of(root, at(""));
  if (root.kind != Kind::map) return plan;
  if (const Node* version = root.find("schema_version")) {
    if (const auto value = integer_value(*version)) plan.schema_version = *value;
  }
  plan.id = string_field(root, "id");
  plan.id_where = where_of_key(root, "id", "");
  plan.title = string_field(root, "title");
  plan.level = string_field(root, "level");
  plan.organisation = string_field(root, "organisation");
  if (const Node* parent = root.find("parent"); parent && scalar_type(*parent) == ScalarType::string) {
    plan.parent = parent->value;
    plan.parent_where = where_of(*parent, at("/parent"));
  }
  if (const Node* period = root.find("period"); period && period->kind == Kind::map) {
    plan.period_start = date_field(*period, "start", at("/period"));
    plan.period_end = date_field(*period, "end", at("/period"));
  }
  if (const Node* adopted = root.find("adopted"); adopted && adopted->kind == Kind::map) {
    if (auto date = date_field(*adopted, "date", at("/adopted"))) {
      plan.adopted_on = date->date;
      plan.dates.push_back(std::move(*date));
    }
  }
  std::optional<model::Date> last_revision;
  if (auto review_by = date_field(root, "review_by", at(""))) plan.dates.push_back(std::move(*review_by));
  if (const Node* revisions = root.find("revisions"); revisions && revisions->kind == Kind::sequence) {
    for (std::size_t i = 0; i < revisions->items.size(); ++i) {
      const Node& item = revisions->items[i];
      if (item.kind != Kind::scalar) continue;
      plan.dates.push_back(model::DateField{std::string(item.value), model::parse_date(item.value),
                                            where_of(item, at("/revisions/" + std::to_string(i)))});
      if (const auto& date = plan.dates.back().date) last_revision = std::max(last_revision.value_or(*date), *date);
    }
  }
  std::optional<model::Date> as_of;
  if (auto field = date_field(root, "as_of", at(""))) {
    as_of = field->date;
    plan.dates.push_back(std::move(*field));
  }
  plan.known_from = as_of ? as_of : last_revision ? last_revision : plan.adopted_on;
  if (const Node* areas = root.find("areas"); areas && areas->kind == Kind::sequence) {
    for (std::size_t i = 0; i < areas->items.size(); ++i) {
      plan.areas.push_back(read_area(areas->items[i], at("/areas/" + std::to_string(i)), texts));
    }
  }
  return plan;
}

std::vector<model::OwnerEntry> read_owners(const Node& root) {
  std::vector<model::OwnerEntry> out;
  if (root.kind != Kind::sequence) return out;
  for (const Node& item : root.items) {
    if (item.kind != Kind::map) continue;
    model::OwnerEntry entry;
    entry.name = string_field(item, "name");
    if (entry.name.empty()) continue;
    entry.kind = string_field(item, "kind");
    entry.code = string_field(item, "code");
    entry.line = item.mark.line;
    if (const Node* aliases = item.find("aliases"); aliases && aliases->kind == Kind::sequence) {
      for (const Node& alias : aliases->items) {
        if (alias.kind == Kind::scalar && !alias.value.empty()) entry.aliases.emplace_back(alias.value);
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace bbg::yaml
