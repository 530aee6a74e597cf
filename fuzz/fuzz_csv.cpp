// libFuzzer target: the CSV reader bbg import reads forms with, and the form's header lookup.
// Records start on lines in order, inside the file; the text read is valid UTF-8 (Windows-1252
// is decoded); a field written back with csv_field reads back as itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "render/form.hpp"
#include "render/table.hpp"
#include "util/csv.hpp"
#include "util/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bbg::util::CsvFile csv = bbg::util::read_csv(text);
  std::size_t line = 0;
  std::size_t round_trips = 0;  // a few per input: each reads a file again
  std::size_t lines = 1;
  for (const char c : text) lines += c == '\n' || c == '\r';
  for (const auto& record : csv.records) {
    if (record.line < line || record.line == 0 || record.line > lines) std::abort();
    line = record.line;
    for (const auto& field : record.fields) {
      if (bbg::util::find_invalid_utf8(field)) std::abort();
      (void)bbg::render::form_column(field);
      // One field alone, as bbg writes it, reads back as itself (csv_field puts a ' before a
      // formula, and a lone empty field is no record).
      if (field.empty() || std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos) continue;
      if (++round_trips > 64) continue;
      const std::string written = "h\r\n" + bbg::render::csv_field(field, csv.separator) + "\r\n";
      const bbg::util::CsvFile again = bbg::util::read_csv(written);
      if (again.error || again.records.size() != 2) continue;  // a field with a separator of another kind
      if (again.separator == csv.separator && again.records[1].fields.size() == 1 && again.records[1].fields[0] != field) {
        std::abort();
      }
    }
  }
  return 0;
}
