// Reading CSV as spreadsheets write it: RFC 4180 quoting, CRLF or LF, a UTF-8 byte order mark,
// ',' or ';' or a tab between fields (Swedish Excel writes ';'), and Windows-1252 text from
// Excel's "CSV (semikolonavgränsad)". Knows nothing of bbg.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bbg::util {

struct CsvRecord {
  std::size_t line = 0;  // the line the record starts on, 1-based
  std::vector<std::string> fields;
};

struct CsvFile {
  char separator = ',';
  bool bom = false;      // it started with a UTF-8 byte order mark
  bool cp1252 = false;   // it was not UTF-8 and was read as Windows-1252
  std::vector<CsvRecord> records;
  std::optional<std::string> error;  // e.g. a quote never closed, with its line
};

// `text` as a whole file: UTF-8 after a byte order mark (else an error), else UTF-8 when it is,
// else Windows-1252. The separator is the one of ',', ';' and tab that the first line holds
// most often outside quotes (',' when it holds none).
CsvFile read_csv(std::string_view text);

// Windows-1252 bytes as UTF-8 (the five bytes it leaves undefined become U+FFFD).
std::string cp1252_to_utf8(std::string_view text);

}  // namespace bbg::util
