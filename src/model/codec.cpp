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
  void date_field(const DateField& f, bool with_place = true) {
    str(f.text);  // the date is parsed again from the text on decoding
    if (with_place) where(f.where);
  }
  void deadline_field(const std::optional<DeadlineField>& f, bool with_place) {
    flag(f.has_value());
    if (!f) return;
    str(f->text);
    if (with_place) where(f->where);
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
  Date date() {
    const int year = small(), month = small(), day = small();
    if (!is_valid_ymd(year, month, day)) throw Malformed{};
    return Date(year, month, day);
  }
  Where where() {
    Where w;
    w.line = small();
    w.column = small();
    w.pointer = str();
    return w;
  }
  DateField date_field(bool with_place = true) {
    DateField f;
    f.text = str();
    f.date = parse_date(f.text);
    if (with_place) f.where = where();
    return f;
  }
  std::optional<DeadlineField> deadline_field(bool with_place) {
    if (!flag()) return std::nullopt;
    DeadlineField f;
    f.text = str();
    f.deadline = parse_deadline(f.text);
    if (with_place) f.where = where();
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

// What each level of detail keeps of an activity: its id always; for reports what the status,
// overdue and stale reports read (titles, owners, deadlines, recurrence, status, the update log's
// dates and statuses); in full everything, the places in the file included.
void put_activity(Writer& w, const Activity& a, Detail detail) {
  w.str(a.id);
  if (detail == Detail::summary) return;
  const bool full = detail == Detail::full;
  w.str(a.title);
  w.list(a.owners, [&](const std::string& o) { w.str(o); });
  w.deadline_field(a.start, full);
  w.deadline_field(a.due, full);
  put_enum(w, a.recurs);
  w.list(a.months, [&](int m) { w.u32(static_cast<std::uint32_t>(m)); });
  put_enum(w, a.status);
  w.list(a.updates, [&](const Update& u) {
    w.flag(u.date.has_value());
    if (u.date) w.date_field(*u.date, full);
    put_enum(w, u.status);
    w.str(u.date_text);
    w.deadline_field(u.round, full);
    if (!full) return;
    w.str(u.note);
    w.str(u.by);
    w.where(u.where);
    w.where(u.status_where);
  });
  if (!full) return;
  w.str(a.due_text);
  w.str(a.follow_up);
  w.list(a.extra, [&](const auto& kv) {
    w.str(kv.first);
    w.str(kv.second);
  });
  w.where(a.where);
  w.where(a.id_where);
  w.where(a.status_where);
}

Activity get_activity(Reader& r, Detail detail) {
  Activity a;
  a.id = r.str();
  if (detail == Detail::summary) return a;
  const bool full = detail == Detail::full;
  a.title = r.str();
  for (std::size_t n = r.count(); n > 0; --n) a.owners.push_back(r.str());
  a.start = r.deadline_field(full);
  a.due = r.deadline_field(full);
  a.recurs = get_enum<Recurrence>(r, 2);
  for (std::size_t n = r.count(); n > 0; --n) a.months.push_back(r.small());
  a.status = get_enum<Status>(r, 4);
  for (std::size_t n = r.count(); n > 0; --n) {
    Update u;
    if (r.flag()) u.date = r.date_field(full);
    u.status = get_enum<Status>(r, 4);
    u.date_text = r.str();
    u.round = r.deadline_field(full);
    if (full) {
      u.note = r.str();
      u.by = r.str();
      u.where = r.where();
      u.status_where = r.where();
    }
    a.updates.push_back(std::move(u));
  }
  if (!full) return a;
  a.due_text = r.str();
  a.follow_up = r.str();
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

void summarise(FileOutcome& outcome) {
  if (!outcome.plan) return;
  outcome.plan->areas.clear();
  outcome.plan->areas.shrink_to_fit();
  outcome.plan->dates.clear();
  outcome.plan->dates.shrink_to_fit();
}

namespace {

constexpr std::uint32_t k_verdict_magic = 0x56474242;  // "BBGV"

void put_diagnostics(Writer& w, const Diagnostics& diagnostics) {
  w.list(diagnostics, [&](const Diagnostic& d) {
    w.u32(d.severity == Severity::error ? 0 : 1);
    w.str(d.location.file);
    w.u32(static_cast<std::uint32_t>(d.location.line));
    w.u32(static_cast<std::uint32_t>(d.location.column));
    w.str(d.code);
    w.str(d.path);
    w.str(d.message);
    w.flag(d.show_source);
  });
}

Diagnostics get_diagnostics(Reader& r) {
  Diagnostics out;
  for (std::size_t n = r.count(); n > 0; --n) {
    Diagnostic d;
    const std::uint32_t severity = r.u32();
    if (severity > 1) throw Malformed{};
    d.severity = severity == 0 ? Severity::error : Severity::warning;
    d.location.file = r.str();
    d.location.line = r.small();
    d.location.column = r.small();
    d.code = r.str();
    d.path = r.str();
    d.message = r.str();
    d.show_source = r.flag();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::string encode(const Verdict& verdict) {
  Writer w;
  w.u32(k_verdict_magic);
  w.i64(static_cast<std::int64_t>(verdict.files));
  w.flag(verdict.unreadable);
  w.list(verdict.reported, [&](const std::string& file) { w.str(file); });
  put_diagnostics(w, verdict.diagnostics);
  return w.take();
}

std::optional<Verdict> decode_verdict(std::string_view bytes) {
  try {
    Reader r(bytes);
    if (r.u32() != k_verdict_magic) return std::nullopt;
    Verdict v;
    v.files = static_cast<std::size_t>(r.i64());
    v.unreadable = r.flag();
    for (std::size_t n = r.count(); n > 0; --n) v.reported.push_back(r.str());
    v.diagnostics = get_diagnostics(r);
    if (!r.done()) return std::nullopt;
    return v;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

std::string encode(const FileOutcome& outcome, Detail detail) {
  const bool full = detail == Detail::full;
  Writer w;
  w.u32(k_magic);
  w.u32(static_cast<std::uint32_t>(detail));
  put_diagnostics(w, outcome.diagnostics);
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
    if (p.period_start) w.date_field(*p.period_start, full);
    w.flag(p.period_end.has_value());
    if (p.period_end) w.date_field(*p.period_end, full);
    w.list(full ? p.dates : std::vector<DateField>{}, [&](const DateField& f) { w.date_field(f); });
    w.flag(p.adopted_on.has_value());
    if (p.adopted_on) w.date(*p.adopted_on);
    w.flag(p.known_from.has_value());
    if (p.known_from) w.date(*p.known_from);
    w.list(detail == Detail::summary ? std::vector<Area>{} : p.areas, [&](const Area& area) {
      w.str(area.id);
      if (detail != Detail::summary) w.str(area.title);
      w.list(area.activities, [&](const Activity& a) { put_activity(w, a, detail); });
      if (!full) return;
      w.where(area.where);
      w.where(area.id_where);
    });
    // What the rules across files point at, at every level.
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
    const std::uint32_t level = r.u32();
    if (level > static_cast<std::uint32_t>(Detail::summary)) return std::nullopt;
    const auto detail = static_cast<Detail>(level);
    const bool full = detail == Detail::full;
    FileOutcome out;
    out.diagnostics = get_diagnostics(r);
    if (r.flag()) {
      Plan p;
      p.file = r.str();
      if (r.flag()) p.schema_version = r.i64();
      p.id = r.str();
      p.title = r.str();
      p.level = r.str();
      p.organisation = r.str();
      if (r.flag()) p.parent = r.str();
      if (r.flag()) p.period_start = r.date_field(full);
      if (r.flag()) p.period_end = r.date_field(full);
      for (std::size_t n = r.count(); n > 0; --n) p.dates.push_back(r.date_field());
      if (r.flag()) p.adopted_on = r.date();
      if (r.flag()) p.known_from = r.date();
      for (std::size_t n = r.count(); n > 0; --n) {
        Area area;
        area.id = r.str();
        if (detail != Detail::summary) area.title = r.str();
        for (std::size_t k = r.count(); k > 0; --k) area.activities.push_back(get_activity(r, detail));
        if (full) {
          area.where = r.where();
          area.id_where = r.where();
        }
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
