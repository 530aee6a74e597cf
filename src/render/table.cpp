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

// Takes the table by value and rewrites its cells in place: a report of tens of thousands of
// rows is then not held twice.
void terminal(Table table, const TableStyle& style, std::ostream& out) {
  const std::size_t n = table.columns.size();
  std::vector<std::string> headers;
  for (const auto& c : table.columns) headers.push_back(util::escape_for_display(c.header));
  for (auto& row : table.rows) {
    for (auto& cell : row) cell.text = util::escape_for_display(cell.text);
  }
  const auto text = [&](std::size_t r, std::size_t c) -> std::string& { return table.rows[r][c].text; };
  std::vector<std::size_t> widths(n, 0);
  const auto measure = [&] {
    std::fill(widths.begin(), widths.end(), 0);
    for (std::size_t c = 0; c < n; ++c) {
      widths[c] = util::display_width(headers[c]);
      for (const auto& row : table.rows) widths[c] = std::max(widths[c], util::display_width(row[c].text));
    }
  };
  measure();
  // Too wide for the terminal: cut the widest shrinkable column first, none below 12 columns.
  // The widths are settled first, then each cell is cut once.
  if (style.width > 0) {
    std::vector<std::size_t> target = widths;
    const auto total_width = [&] {
      std::size_t total = 2 * (n - 1);
      for (const auto w : target) total += w;
      return total;
    };
    constexpr std::size_t k_min = 12;
    while (total_width() > style.width) {
      std::size_t widest = n;
      for (std::size_t c = 0; c < n; ++c) {
        if (table.columns[c].shrinkable && target[c] > k_min && (widest == n || target[c] > target[widest])) widest = c;
      }
      if (widest == n) break;
      std::size_t second = k_min;
      for (std::size_t c = 0; c < n; ++c) {
        if (c != widest && table.columns[c].shrinkable) second = std::max(second, target[c]);
      }
      const std::size_t excess = total_width() - style.width;
      const std::size_t cut = target[widest] > excess ? target[widest] - excess : 0;
      target[widest] = std::max({k_min, cut, std::min(second, target[widest] - 1)});
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (target[c] >= widths[c]) continue;
      for (auto& row : table.rows) row[c].text = util::truncate_to_width(row[c].text, target[c]);
      headers[c] = util::truncate_to_width(headers[c], target[c]);
    }
    measure();
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
    line += pad(headers[c], widths[c], table.columns[c].align);
    for (std::size_t k = 0; k < widths[c]; ++k) rule += "─";
  }
  out << finish(paint("1", line));
  out << finish(rule);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool bold = r < table.emphasis.size() && table.emphasis[r];
    line.clear();
    for (std::size_t c = 0; c < n; ++c) {
      if (c > 0) line += "  ";
      const Cell& cell = table.rows[r][c];
      if (style.color && !cell.styled.empty()) {
        const std::size_t used = util::display_width(text(r, c));
        const std::string fill(widths[c] > used ? widths[c] - used : 0, ' ');
        line += table.columns[c].align == Align::left ? cell.styled + fill : fill + cell.styled;
        continue;
      }
      line += paint(bold && cell.color.empty() ? "1" : cell.color, pad(text(r, c), widths[c], table.columns[c].align));
    }
    out << finish(line);
    std::vector<Cell>().swap(table.rows[r]);  // written: give the memory back
  }
}

std::string csv(const Table& table, const TableStyle& style) {
  std::string out = style.csv_bom ? "\xEF\xBB\xBF" : "";
  const auto add_line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += style.csv_separator;
      out += csv_field(fields[i], style.csv_separator);
    }
    out += "\r\n";
  };
  std::vector<std::string> fields;
  for (const auto& c : table.columns) {
    if (!c.terminal_only) fields.push_back(c.header);
  }
  add_line(fields);
  for (const auto& row : table.rows) {
    fields.clear();
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (!table.columns[c].terminal_only) fields.push_back(row[c].text);
    }
    add_line(fields);
  }
  return out;
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char ch : util::escape_for_display(text)) {
    if (ch == '|') {
      out += "\\|";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string markdown(const Table& table) {
  std::string header = "|", rule = "|";
  for (const auto& c : table.columns) {
    if (c.terminal_only) continue;
    header += " " + markdown_cell(c.header) + " |";
    rule += c.align == Align::right ? " ---: |" : " --- |";
  }
  std::string out = header + "\n" + rule + "\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool bold = r < table.emphasis.size() && table.emphasis[r];
    out += "|";
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      if (table.columns[c].terminal_only) continue;
      const std::string text = markdown_cell(table.rows[r][c].text);
      out += " " + (bold && !text.empty() ? "**" + text + "**" : text) + " |";
    }
    out += "\n";
  }
  return out;
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

void write_table(Table table, TableFormat format, const TableStyle& style, std::ostream& out) {
  switch (format) {
    case TableFormat::table: terminal(std::move(table), style, out); return;
    case TableFormat::csv: out << csv(table, style); return;
    case TableFormat::markdown: out << markdown(table); return;
  }
}

std::string render_table(Table table, TableFormat format, const TableStyle& style) {
  std::ostringstream out;
  write_table(std::move(table), format, style, out);
  return std::move(out).str();
}

}  // namespace bbg::render
