#include "render/table.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace bbg::render {
namespace {

std::string pad(const std::string& text, std::size_t width, Align align) {
  const std::size_t used = util::display_width(text);
  const std::string fill(width > used ? width - used : 0, ' ');
  return align == Align::left ? text + fill : fill + text;
}

bool bold(const Rows& rows, std::size_t r) { return rows.emphasis && rows.emphasis(r); }

// A header of several words on two lines, split at the space nearest its middle.
std::vector<std::string> two_lines(const std::string& header) {
  std::size_t best = std::string::npos;
  const std::size_t middle = util::display_width(header) / 2;
  for (std::size_t i = header.find(' '); i != std::string::npos; i = header.find(' ', i + 1)) {
    const std::size_t at = util::display_width(header.substr(0, i));
    if (best == std::string::npos ||
        (at > middle ? at - middle : middle - at) < (best > middle ? best - middle : middle - best)) {
      best = at;
    }
  }
  if (best == std::string::npos) return {header};
  // `best` is a display column; find its byte again.
  for (std::size_t i = header.find(' '); i != std::string::npos; i = header.find(' ', i + 1)) {
    if (util::display_width(header.substr(0, i)) == best) return {header.substr(0, i), header.substr(i + 1)};
  }
  return {header};
}

std::size_t widest_line(const std::vector<std::string>& lines) {
  std::size_t w = 0;
  for (const auto& l : lines) w = std::max(w, util::display_width(l));
  return w;
}

// Asks for each row two or three times (to measure, to measure what was cut to fit, to write)
// and holds only one: a report of tens of thousands of rows is never held as cells.
void terminal(const std::vector<Column>& columns, const Rows& rows, const TableStyle& style,
              std::ostream& out) {
  const std::size_t n = columns.size();
  std::vector<std::vector<std::string>> headers;  // one or two lines each
  for (const auto& c : columns) headers.push_back({util::escape_for_display(c.header)});
  std::vector<std::size_t> full(n, 0), target;  // widths as made, and as cut to fit
  const auto cells = [&](std::size_t r) {
    std::vector<Cell> row = rows.row(r);
    for (std::size_t c = 0; c < n; ++c) {
      if (!util::shown_as_is(row[c].text)) row[c].text = util::escape_for_display(row[c].text);
      if (!target.empty() && target[c] < full[c])
        row[c].text = util::truncate_to_width(row[c].text, target[c]);
    }
    return row;
  };
  std::vector<std::size_t> cell_widths(n, 0);  // the widest cell of each column, headers aside
  for (std::size_t r = 0; r < rows.count; ++r) {
    const std::vector<Cell> row = cells(r);
    for (std::size_t c = 0; c < n; ++c) cell_widths[c] = std::max(cell_widths[c], util::display_width(row[c].text));
  }
  for (std::size_t c = 0; c < n; ++c) full[c] = std::max(cell_widths[c], widest_line(headers[c]));
  std::vector<std::size_t> widths = full;
  std::vector<bool> shown(n, true);
  std::size_t gap = 2;
  // Too wide for the terminal: the steps of TableStyle::width, each only while it is needed.
  // The widths are settled first, then each cell is cut once.
  if (style.width > 0) {
    std::vector<std::size_t> cut = full;
    const auto total_width = [&] {
      std::size_t total = 0, count = 0;
      for (std::size_t c = 0; c < n; ++c) {
        if (!shown[c]) continue;
        total += cut[c];
        ++count;
      }
      return total + (count > 0 ? gap * (count - 1) : 0);
    };
    const auto fits = [&] { return total_width() <= style.width; };
    // Cut the widest shrinkable column first, none below `least`.
    const auto shrink = [&](std::size_t least) {
      while (!fits()) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c) {
          if (shown[c] && columns[c].shrinkable && cut[c] > least && (widest == n || cut[c] > cut[widest])) widest = c;
        }
        if (widest == n) return;
        std::size_t second = least;
        for (std::size_t c = 0; c < n; ++c) {
          if (c != widest && shown[c] && columns[c].shrinkable) second = std::max(second, cut[c]);
        }
        const std::size_t excess = total_width() - style.width;
        const std::size_t shorter = cut[widest] > excess ? cut[widest] - excess : 0;
        cut[widest] = std::max({least, shorter, std::min(second, cut[widest] - 1)});
      }
    };
    shrink(12);
    for (std::size_t c = 0; c < n && !fits(); ++c) {
      if (columns[c].terminal_only) shown[c] = false;
    }
    for (std::size_t c = 0; c < n && !fits(); ++c) {
      std::vector<std::string> wrapped = two_lines(headers[c][0]);
      const std::size_t w = std::max(cell_widths[c], widest_line(wrapped));
      if (wrapped.size() == 2 && w < cut[c]) {
        headers[c] = std::move(wrapped);
        full[c] = std::max(cell_widths[c], widest_line(headers[c]));
        cut[c] = columns[c].shrinkable ? std::min(cut[c], full[c]) : w;
      }
    }
    shrink(6);
    if (!fits()) gap = 1;
    for (std::size_t c = 0; c < n && !fits(); ++c) {
      if (columns[c].shrinkable) shown[c] = false;
    }
    // The last resort: ids and other text, cut from the widest, none below 12; never a number
    // (those are right-aligned).
    while (!fits()) {
      std::size_t widest = n;
      for (std::size_t c = 0; c < n; ++c) {
        if (shown[c] && columns[c].align == Align::left && cut[c] > 12 && (widest == n || cut[c] > cut[widest])) widest = c;
      }
      if (widest == n) break;
      cut[widest] = std::max<std::size_t>(12, cut[widest] - std::min(cut[widest] - 12, total_width() - style.width));
    }
    widths = cut;
    if (cut != full) {
      // A cut column is as wide as its target: its widest cells are cut to it (one column less
      // only when a wide character falls on the edge), so the rows need not be made again.
      target = cut;
      for (std::size_t c = 0; c < n; ++c) {
        if (target[c] < full[c]) {
          for (auto& line : headers[c]) line = util::truncate_to_width(line, target[c]);
        }
      }
    }
  }
  const auto paint = [&](const std::string& code, const std::string& text) {
    return style.color && !code.empty() ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
  };
  const auto finish = [](std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  const std::string space(gap, ' ');
  std::size_t header_lines = 1;
  for (std::size_t c = 0; c < n; ++c) {
    if (shown[c]) header_lines = std::max(header_lines, headers[c].size());
  }
  // Headers at the bottom of their lines, next to the rule.
  for (std::size_t k = 0; k < header_lines; ++k) {
    std::string line;
    bool first = true;
    for (std::size_t c = 0; c < n; ++c) {
      if (!shown[c]) continue;
      if (!first) line += space;
      first = false;
      const std::size_t skip = header_lines - headers[c].size();
      line += pad(k < skip ? "" : headers[c][k - skip], widths[c], columns[c].align);
    }
    out << finish(paint("1", line));
  }
  std::string rule;
  for (std::size_t c = 0, first = 1; c < n; ++c) {
    if (!shown[c]) continue;
    if (!first) rule += space;
    first = 0;
    for (std::size_t k = 0; k < widths[c]; ++k) rule += "─";
  }
  out << finish(rule);
  std::string line;
  for (std::size_t r = 0; r < rows.count; ++r) {
    const bool strong = bold(rows, r);
    const std::vector<Cell> row = cells(r);
    line.clear();
    bool first = true;
    for (std::size_t c = 0; c < n; ++c) {
      if (!shown[c]) continue;
      if (!first) line += space;
      first = false;
      const Cell& cell = row[c];
      if (style.color && !cell.styled.empty()) {
        const std::size_t used = util::display_width(cell.text);
        const std::string fill(widths[c] > used ? widths[c] - used : 0, ' ');
        line += columns[c].align == Align::left ? cell.styled + fill : fill + cell.styled;
        continue;
      }
      line += paint(strong && cell.color.empty() ? "1" : cell.color,
                    pad(cell.text, widths[c], columns[c].align));
    }
    out << finish(line);
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (shown[c] && !columns[c].legend.empty() && rows.count > 0) out << columns[c].legend << "\n";
  }
}

void csv(const std::vector<Column>& columns, const Rows& rows, const TableStyle& style,
         std::ostream& out) {
  if (style.csv_bom) out << "\xEF\xBB\xBF";
  std::string line;
  const auto add = [&](const std::string& field) {
    if (!line.empty()) line += style.csv_separator;
    line += csv_field(field, style.csv_separator);
  };
  for (const auto& c : columns) {
    if (!c.terminal_only) add(c.header);
  }
  out << line << "\r\n";
  for (std::size_t r = 0; r < rows.count; ++r) {
    const std::vector<Cell> row = rows.row(r);
    line.clear();
    bool first = true;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (columns[c].terminal_only) continue;
      if (!first) line += style.csv_separator;
      first = false;
      line += csv_field(row[c].text, style.csv_separator);
    }
    out << line << "\r\n";
  }
}


void markdown(const std::vector<Column>& columns, const Rows& rows, std::ostream& out) {
  std::string header = "|", rule = "|";
  for (const auto& c : columns) {
    if (c.terminal_only) continue;
    header += " " + markdown_text(c.header) + " |";
    rule += c.align == Align::right ? " ---: |" : " --- |";
  }
  out << header << "\n" << rule << "\n";
  for (std::size_t r = 0; r < rows.count; ++r) {
    const bool strong = bold(rows, r);
    const std::vector<Cell> row = rows.row(r);
    std::string line = "|";
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (columns[c].terminal_only) continue;
      const std::string text = markdown_text(row[c].text);
      line += " " + (strong && !text.empty() ? "**" + text + "**" : text) + " |";
    }
    out << line << "\n";
  }
}

}  // namespace

std::string csv_field(const std::string& raw, char separator) {
  // A cell that starts like a formula is made inert for spreadsheets (OWASP CSV injection):
  // plan text comes from pull requests and the CSV is opened in Excel.
  const bool formula = !raw.empty() && std::string_view("=+-@\t\r").find(raw.front()) != std::string_view::npos;
  const std::string text = formula ? "'" + raw : raw;
  if (text.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_rows(const std::vector<Column>& columns, const Rows& rows, TableFormat format,
                const TableStyle& style, std::ostream& out) {
  switch (format) {
    case TableFormat::table:
      terminal(columns, rows, style, out);
      return;
    case TableFormat::csv:
      csv(columns, rows, style, out);
      return;
    case TableFormat::markdown:
      markdown(columns, rows, out);
      return;
  }
}

void write_table(const Table& table, TableFormat format, const TableStyle& style,
                 std::ostream& out) {
  const Rows rows{table.rows.size(), [&](std::size_t r) { return table.rows[r]; },
                  [&](std::size_t r) { return r < table.emphasis.size() && table.emphasis[r]; }};
  write_rows(table.columns, rows, format, style, out);
}

std::string render_table(const Table& table, TableFormat format, const TableStyle& style) {
  std::ostringstream out;
  write_table(table, format, style, out);
  return std::move(out).str();
}

std::string markdown_text(std::string_view text) {
  static constexpr std::string_view k_active = "\\`*_{}[]<>|~";
  std::string out;
  for (const char ch : util::escape_for_display(text)) {
    if (k_active.find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace bbg::render
