#include "util/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "util/utf8.hpp"

namespace bbg::util {
namespace {

void put_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char guess_separator(std::string_view text) {
  std::array<std::size_t, 3> counts{};
  const char candidates[] = {',', ';', '\t'};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t i = 0; i < 3; ++i) counts[i] += c == candidates[i];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < 3; ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return candidates[best];
}

}  // namespace

std::string cp1252_to_utf8(std::string_view text) {
  // 0x80-0x9F; the rest of the high half is Latin-1.
  static constexpr std::array<std::uint16_t, 32> k_high{
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) out += ch;
    else if (b < 0xA0) put_utf8(out, k_high[b - 0x80]);
    else put_utf8(out, b);
  }
  return out;
}

CsvFile read_csv(std::string_view input) {
  CsvFile file;
  std::string decoded;
  if (input.substr(0, 3) == "\xEF\xBB\xBF") {
    file.bom = true;
    input.remove_prefix(3);
    if (const auto bad = find_invalid_utf8(input)) {
      const auto line = 1 + std::count(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
      file.error = "line " + std::to_string(line) +
                   ": not UTF-8, although the file starts with UTF-8's byte order mark; save it again as \"CSV UTF-8\"";
      return file;
    }
  } else if (find_invalid_utf8(input)) {
    decoded = cp1252_to_utf8(input);
    input = decoded;
    file.cp1252 = true;
  }
  file.separator = guess_separator(input);
  std::size_t line = 1;
  CsvRecord record{1, {}};
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the field began with a quote
  std::size_t quote_line = 0;
  const auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  const auto end_record = [&] {
    end_field();
    // A line with nothing on it is no record (Excel leaves none; editors leave a last one).
    if (!(record.fields.size() == 1 && record.fields[0].empty())) file.records.push_back(std::move(record));
    record = CsvRecord{line, {}};
  };
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < input.size() && input[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
      quote_line = line;
    } else if (c == file.separator) {
      end_field();
    } else if (c == '\r' && i + 1 < input.size() && input[i + 1] == '\n') {
      continue;  // the \n ends the record
    } else if (c == '\n' || c == '\r') {
      ++line;
      end_record();
    } else {
      field += c;  // a quote inside an unquoted field is kept, as Excel reads it
    }
  }
  if (quoted) {
    file.error = "line " + std::to_string(quote_line) + ": a quoted field is never closed (a \" is missing)";
    return file;
  }
  if (!field.empty() || !record.fields.empty()) end_record();
  return file;
}

}  // namespace bbg::util
