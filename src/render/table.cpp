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

// Asks for each row two or three times (to measure, to measure what was cut to fit, to write)
// and holds only one: a report of tens of thousands of rows is never held as cells.
void terminal(const std::vector<Column>& columns, const Rows& rows, const TableStyle& style,
              std::ostream& out) {
  const std::size_t n = columns.size();
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(util::escape_for_display(c.header));
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
  const auto measure = [&] {
    std::vector<std::size_t> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c) widths[c] = util::display_width(headers[c]);
    for (std::size_t r = 0; r < rows.count; ++r) {
      const std::vector<Cell> row = cells(r);
      for (std::size_t c = 0; c < n; ++c)
        widths[c] = std::max(widths[c], util::display_width(row[c].text));
    }
    return widths;
  };
  full = measure();
  std::vector<std::size_t> widths = full;
  // Too wide for the terminal: cut the widest shrinkable column first, none below 12 columns.
  // The widths are settled first, then each cell is cut once.
  if (style.width > 0) {
    std::vector<std::size_t> cut = full;
    const auto total_width = [&] {
      std::size_t total = 2 * (n - 1);
      for (const auto w : cut) total += w;
      return total;
    };
    constexpr std::size_t k_min = 12;
    while (total_width() > style.width) {
      std::size_t widest = n;
      for (std::size_t c = 0; c < n; ++c) {
        if (columns[c].shrinkable && cut[c] > k_min && (widest == n || cut[c] > cut[widest]))
          widest = c;
      }
      if (widest == n) break;
      std::size_t second = k_min;
      for (std::size_t c = 0; c < n; ++c) {
        if (c != widest && columns[c].shrinkable) second = std::max(second, cut[c]);
      }
      const std::size_t excess = total_width() - style.width;
      const std::size_t shorter = cut[widest] > excess ? cut[widest] - excess : 0;
      cut[widest] = std::max({k_min, shorter, std::min(second, cut[widest] - 1)});
    }
    if (cut != full) {
      // A cut column is as wide as its target: its widest cells are cut to it (one column less
      // only when a wide character falls on the edge), so the rows need not be made again.
      target = cut;
      widths = cut;
      for (std::size_t c = 0; c < n; ++c) {
        if (target[c] < full[c]) headers[c] = util::truncate_to_width(headers[c], target[c]);
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
  std::string line, rule;
  for (std::size_t c = 0; c < n; ++c) {
    if (c > 0) {
      line += "  ";
      rule += "  ";
    }
    line += pad(headers[c], widths[c], columns[c].align);
    for (std::size_t k = 0; k < widths[c]; ++k) rule += "─";
  }
  out << finish(paint("1", line));
  out << finish(rule);
  for (std::size_t r = 0; r < rows.count; ++r) {
    const bool strong = bold(rows, r);
    const std::vector<Cell> row = cells(r);
    line.clear();
    for (std::size_t c = 0; c < n; ++c) {
      if (c > 0) line += "  ";
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
