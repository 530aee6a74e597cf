#include "model/codec.hpp"

#include <cstdint>
#include <cstring>

namespace bbg::model {
namespace {

constexpr std::uint32_t k_magic = 0x31474242;  // "BBG1"

class Writer {
 public:
  void u32(std::uint32_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i64(std::int64_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    m_out.append(s);
  }
  void flag(bool b) { m_out.push_back(b ? 1 : 0); }
  void date(const Date& d) {
    u32(static_cast<std::uint32_t>(d.year()));
    u32(static_cast<std::uint32_t>(d.month()));
    u32(static_cast<std::uint32_t>(d.day()));
  }
  void where(const Where& w) {
    u32(static_cast<std::uint32_t>(w.line));
    u32(static_cast<std::uint32_t>(w.column));
    str(w.pointer);
  }
  void date_field(const DateField& f) {
    str(f.text);
    where(f.where);  // the date is parsed again from the text on decoding
  }
  void deadline_field(const std::optional<DeadlineField>& f) {
    flag(f.has_value());
    if (!f) return;
    str(f->text);
    where(f->where);
  }
  template <typename T, typename F>
  void list(const std::vector<T>& items, F&& each) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) each(item);
  }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

struct Malformed {};

class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  std::uint32_t u32() {
    std::uint32_t v;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    if (n > m_in.size() - m_at) throw Malformed{};
    std::string s(m_in.substr(m_at, n));
    m_at += n;
    return s;
  }
  bool flag() {
    if (m_at >= m_in.size()) throw Malformed{};
    const char c = m_in[m_at++];
    if (c != 0 && c != 1) throw Malformed{};
    return c == 1;
  }
  int small() {
    const std::uint32_t v = u32();
    if (v > 100'000'000) throw Malformed{};
    return static_cast<int>(v);
  }
  Where where() {
    Where w;
    w.line = small();
    w.column = small();
    w.pointer = str();
    return w;
  }
  DateField date_field() {
    DateField f;
    f.text = str();
    f.date = parse_date(f.text);
    f.where = where();
    return f;
  }
  std::optional<DeadlineField> deadline_field() {
    if (!flag()) return std::nullopt;
    DeadlineField f;
    f.text = str();
    f.deadline = parse_deadline(f.text);
    f.where = where();
    return f;
  }
  std::size_t count() {
    const std::uint32_t n = u32();
    if (n > m_in.size() - m_at) throw Malformed{};  // every item takes at least a byte
    return n;
  }
  bool done() const { return m_at == m_in.size(); }

 private:
  void raw(void* out, std::size_t n) {
    if (n > m_in.size() - m_at) throw Malformed{};
    std::memcpy(out, m_in.data() + m_at, n);
    m_at += n;
  }
  std::string_view m_in;
  std::size_t m_at = 0;
};

template <typename E>
void put_enum(Writer& w, const std::optional<E>& e) {
  w.flag(e.has_value());
  if (e) w.u32(static_cast<std::uint32_t>(*e));
}

template <typename E>
std::optional<E> get_enum(Reader& r, std::uint32_t max) {
  if (!r.flag()) return std::nullopt;
  const std::uint32_t v = r.u32();
  if (v > max) throw Malformed{};
  return static_cast<E>(v);
}

void put_activity(Writer& w, const Activity& a) {
  w.str(a.id);
  w.str(a.title);
  w.list(a.owners, [&](const std::string& o) { w.str(o); });
  w.deadline_field(a.start);
  w.deadline_field(a.due);
  w.str(a.due_text);
  put_enum(w, a.recurs);
  w.list(a.months, [&](int m) { w.u32(static_cast<std::uint32_t>(m)); });
  w.str(a.follow_up);
  put_enum(w, a.status);
  w.list(a.updates, [&](const Update& u) {
    w.flag(u.date.has_value());
    if (u.date) w.date_field(*u.date);
    put_enum(w, u.status);
    w.str(u.note);
    w.str(u.by);
    w.where(u.where);
    w.where(u.status_where);
  });
  w.list(a.extra, [&](const auto& kv) {
    w.str(kv.first);
    w.str(kv.second);
  });
  w.where(a.where);
  w.where(a.id_where);
  w.where(a.status_where);
}

Activity get_activity(Reader& r) {
  Activity a;
  a.id = r.str();
  a.title = r.str();
  for (std::size_t n = r.count(); n > 0; --n) a.owners.push_back(r.str());
  a.start = r.deadline_field();
  a.due = r.deadline_field();
  a.due_text = r.str();
  a.recurs = get_enum<Recurrence>(r, 2);
  for (std::size_t n = r.count(); n > 0; --n) a.months.push_back(r.small());
  a.follow_up = r.str();
  a.status = get_enum<Status>(r, 4);
  for (std::size_t n = r.count(); n > 0; --n) {
    Update u;
    if (r.flag()) u.date = r.date_field();
    u.status = get_enum<Status>(r, 4);
    u.note = r.str();
    u.by = r.str();
    u.where = r.where();
    u.status_where = r.where();
    a.updates.push_back(std::move(u));
  }
  for (std::size_t n = r.count(); n > 0; --n) {
    std::string key = r.str();
    a.extra.emplace_back(std::move(key), r.str());
  }
  a.where = r.where();
  a.id_where = r.where();
  a.status_where = r.where();
  return a;
}

}  // namespace

namespace {

// The areas with only their ids and their activities' ids (what lookups by id need).
std::vector<Area> id_skeleton(const std::vector<Area>& areas) {
  std::vector<Area> out;
  out.reserve(areas.size());
  for (const Area& area : areas) {
    Area a;
    a.id = area.id;
    a.activities.reserve(area.activities.size());
    for (const Activity& activity : area.activities) {
      Activity b;
      b.id = activity.id;
      a.activities.push_back(std::move(b));
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

void summarise(FileOutcome& outcome) {
  if (!outcome.plan) return;
  outcome.plan->areas = id_skeleton(outcome.plan->areas);
  outcome.plan->dates.clear();
  outcome.plan->dates.shrink_to_fit();
}

void drop_pointers(Plan& plan) {
  const auto drop = [](Where& w) { std::string().swap(w.pointer); };
  for (auto& d : plan.dates) drop(d.where);
  if (plan.period_start) drop(plan.period_start->where);
  if (plan.period_end) drop(plan.period_end->where);
  for (auto& area : plan.areas) {
    drop(area.where);
    drop(area.id_where);
    for (auto& a : area.activities) {
      drop(a.where);
      drop(a.id_where);
      drop(a.status_where);
      if (a.start) drop(a.start->where);
      if (a.due) drop(a.due->where);
      for (auto& u : a.updates) {
        drop(u.where);
        drop(u.status_where);
        if (u.date) drop(u.date->where);
      }
    }
  }
}

std::string encode(const FileOutcome& outcome, Detail detail) {
  const bool full = detail == Detail::full;
  Writer w;
  w.u32(k_magic);
  w.list(outcome.diagnostics, [&](const Diagnostic& d) {
    w.u32(d.severity == Severity::error ? 0 : 1);
    w.str(d.location.file);
    w.u32(static_cast<std::uint32_t>(d.location.line));
    w.u32(static_cast<std::uint32_t>(d.location.column));
    w.str(d.code);
    w.str(d.path);
    w.str(d.message);
    w.flag(d.show_source);
  });
  w.flag(outcome.plan.has_value());
  if (outcome.plan) {
    const Plan& p = *outcome.plan;
    w.str(p.file);
    w.flag(p.schema_version.has_value());
    if (p.schema_version) w.i64(*p.schema_version);
    w.str(p.id);
    w.str(p.title);
    w.str(p.level);
    w.str(p.organisation);
    w.flag(p.parent.has_value());
    if (p.parent) w.str(*p.parent);
    w.flag(p.period_start.has_value());
    if (p.period_start) w.date_field(*p.period_start);
    w.flag(p.period_end.has_value());
    if (p.period_end) w.date_field(*p.period_end);
    w.list(full ? p.dates : std::vector<DateField>{}, [&](const DateField& f) { w.date_field(f); });
    w.list(full ? p.areas : id_skeleton(p.areas), [&](const Area& area) {
      w.str(area.id);
      w.str(area.title);
      w.list(area.activities, [&](const Activity& a) { put_activity(w, a); });
      w.where(area.where);
      w.where(area.id_where);
    });
    w.where(p.where);
    w.where(p.id_where);
    w.where(p.parent_where);
  }
  return w.take();
}

std::optional<FileOutcome> decode(std::string_view bytes) {
  try {
    Reader r(bytes);
    if (r.u32() != k_magic) return std::nullopt;
    FileOutcome out;
    for (std::size_t n = r.count(); n > 0; --n) {
      Diagnostic d;
      const std::uint32_t severity = r.u32();
      if (severity > 1) return std::nullopt;
      d.severity = severity == 0 ? Severity::error : Severity::warning;
      d.location.file = r.str();
      d.location.line = r.small();
      d.location.column = r.small();
      d.code = r.str();
      d.path = r.str();
      d.message = r.str();
      d.show_source = r.flag();
      out.diagnostics.push_back(std::move(d));
    }
    if (r.flag()) {
      Plan p;
      p.file = r.str();
      if (r.flag()) p.schema_version = r.i64();
      p.id = r.str();
      p.title = r.str();
      p.level = r.str();
      p.organisation = r.str();
      if (r.flag()) p.parent = r.str();
      if (r.flag()) p.period_start = r.date_field();
      if (r.flag()) p.period_end = r.date_field();
      for (std::size_t n = r.count(); n > 0; --n) p.dates.push_back(r.date_field());
      for (std::size_t n = r.count(); n > 0; --n) {
        Area area;
        area.id = r.str();
        area.title = r.str();
        for (std::size_t k = r.count(); k > 0; --k) area.activities.push_back(get_activity(r));
        area.where = r.where();
        area.id_where = r.where();
        p.areas.push_back(std::move(area));
      }
      p.where = r.where();
      p.id_where = r.where();
      p.parent_where = r.where();
      out.plan = std::move(p);
    }
    if (!r.done()) return std::nullopt;
    return out;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

}  // namespace bbg::model
