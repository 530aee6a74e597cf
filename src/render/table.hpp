// A table of text cells rendered as an aligned terminal table, RFC 4180 CSV or a Markdown table.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace bbg::render {

enum class Align { left, right };

struct Column {
  Column(std::string header_, Align align_ = Align::left, bool terminal_only_ = false, bool shrinkable_ = false)
      : header(std::move(header_)), align(align_), terminal_only(terminal_only_), shrinkable(shrinkable_) {}

  std::string header;
  Align align = Align::left;
  bool terminal_only = false;  // shown in the terminal table only (e.g. a bar), not in CSV or Markdown
  bool shrinkable = false;     // cut to fit the terminal width (e.g. a title)
  std::string legend;          // a line under the terminal table when the column is shown (what a bar's characters mean)
};

struct Cell {
  Cell(std::string text_, std::string color_ = "", std::string styled_ = "")
      : text(std::move(text_)), color(std::move(color_)), styled(std::move(styled_)) {}

  std::string text;
  std::string color;   // an SGR code such as "31" for red, used on a terminal with colour only
  std::string styled;  // with colour on a terminal: printed instead of `text`, which has its width
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> emphasis;  // per row: bold in the terminal (a total line)
};

enum class TableFormat { table, csv, markdown };

struct TableStyle {
  bool color = false;
  // Terminal width to fit; 0: no limit. A table too wide for it gets, in this order, until it
  // fits: shrinkable columns cut to 12 columns, terminal-only columns (a bar) left out, headers
  // of several words on two lines, shrinkable columns cut to 6, one space between columns,
  // shrinkable columns left out, and at last other text (ids) cut to 12. Numbers (right-aligned
  // columns) are never cut.
  std::size_t width = 0;
  char csv_separator = ',';
  bool csv_bom = false;   // start the CSV with a UTF-8 byte order mark (for Excel)
};

std::string render_table(const Table& table, TableFormat format, const TableStyle& style);

// Plan text as inert Markdown: control characters shown as \xNN, and every character Markdown
// or the HTML inside it acts on anywhere in a line (< > [ ] * _ ` \ | ~ { }) escaped
// with a backslash, so that a title holding <script> or [x](javascript:…) reads as the text it is.
std::string markdown_text(std::string_view text);
void write_table(const Table& table, TableFormat format, const TableStyle& style,
                 std::ostream& out);

// Rows made as they are written, for reports of tens of thousands of lines: only one row is held
// at a time. `row(r)` may be called more than once for the same r (a terminal table measures the
// rows before it writes them) and must give the same cells each time.
struct Rows {
  std::size_t count = 0;
  std::function<std::vector<Cell>(std::size_t)> row;
  std::function<bool(std::size_t)> emphasis;  // optional: bold in the terminal
};
void write_rows(const std::vector<Column>& columns, const Rows& rows, TableFormat format,
                const TableStyle& style, std::ostream& out);

// One CSV field, quoted when it holds the separator, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text, char separator);

}  // namespace bbg::render
