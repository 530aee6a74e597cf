#include "render/diagnostics.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/utf8.hpp"

namespace bbg::render {
namespace {

using model::Severity;

std::size_t count(const model::Diagnostics& ds, Severity s) {
  return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const auto& d) { return d.severity == s; }));
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The source line `line` of `text` (1-based), without its line ending.
std::string_view source_line(std::string_view text, int line) {
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::string text_format(const CheckReport& r) {
  const auto paint = [&](std::string_view code, const std::string& s) {
    return r.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
  };
  std::string out;
  for (const auto& d : *r.diagnostics) {
    const bool error = d.severity == Severity::error;
    out += fmt::format("{}: {}: {}\n", paint("1", fmt::format("{}:{}:{}", util::escape_for_display(d.location.file), d.location.line, d.location.column)),
                       paint(error ? "1;31" : "1;33", fmt::format("{}[{}]", model::to_string(d.severity), d.code)),
                       d.message);
    if (!d.show_source || !r.source) continue;
    const std::string_view line = source_line(r.source(d.location.file), d.location.line);
    if (line.empty()) continue;
    // Quote at most 120 columns around the position, escaped so that nothing reaches the terminal raw.
    std::size_t byte = 0;
    for (int col = 1; col < d.location.column && byte < line.size(); ++col) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
    }
    std::size_t from = 0;
    if (byte > 80) {
      from = byte - 60;
      while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
    }
    const std::string prefix = util::escape_for_display(line.substr(from, byte - from));
    const std::string shown = util::truncate_to_width(util::escape_for_display(line.substr(from)), 120);
    const std::string gutter = std::to_string(d.location.line);
    out += fmt::format(" {} | {}{}\n", gutter, from > 0 ? "…" : "", shown);
    out += fmt::format(" {} | {}{}\n", std::string(gutter.size(), ' '),
                       std::string(util::display_width(prefix) + (from > 0 ? 1 : 0), ' '), paint("1;32", "^"));
  }
  const std::size_t errors = count(*r.diagnostics, Severity::error);
  const std::size_t warnings = count(*r.diagnostics, Severity::warning);
  out += fmt::format("checked {}: {}, {}\n", plural(r.checked, "file"), plural(errors, "error"),
                     plural(warnings, "warning"));
  return out;
}

std::string json_format(const CheckReport& r) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : *r.diagnostics) {
    list.push_back({{"file", d.location.file},
                    {"line", d.location.line},
                    {"column", d.location.column},
                    {"severity", model::to_string(d.severity)},
                    {"code", d.code},
                    {"path", d.path},
                    {"message", d.message}});
  }
  nlohmann::ordered_json doc = {{"files", r.checked},
                                {"errors", count(*r.diagnostics, Severity::error)},
                                {"warnings", count(*r.diagnostics, Severity::warning)},
                                {"diagnostics", list}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
// A workflow command's text: control characters and invalid UTF-8 shown as \xNN first (a raw
// ESC in a file name would reach the CI log as a terminal escape), then GitHub's own escapes.
std::string github_escape(std::string_view raw, bool property) {
  std::string s;
  for (std::size_t at = 0; at <= raw.size();) {  // line breaks kept for GitHub's %0D and %0A
    const std::size_t stop = std::min(raw.find_first_of("\r\n", at), raw.size());
    s += util::escape_for_display(raw.substr(at, stop - at));
    if (stop < raw.size()) s += raw[stop];
    at = stop + 1;
  }
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_format(const CheckReport& r) {
  std::string out;
  for (const auto& d : *r.diagnostics) {
    out += fmt::format("::{} file={},line={},col={},title={}::{}\n",
                       d.severity == Severity::error ? "error" : "warning", github_escape(d.location.file, true),
                       d.location.line, d.location.column, github_escape("bbg " + d.code, true),
                       github_escape(d.message, false));
  }
  return out;
}

// A relative path as a URI reference (RFC 3986), as SARIF's artifactLocation.uri must be:
// every byte but the unreserved characters and "/" percent-encoded ("a b.yaml" is "a%20b.yaml").
std::string uri_reference(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

// Escaped for XML 1.0 text and attributes. What XML cannot hold at all (control characters
// other than tab and line breaks, bytes that are not UTF-8, as a file name may have) becomes
// U+FFFD, so that the report stays well-formed.
std::string xml_escape(std::string_view s) {
  constexpr std::string_view k_replacement = "\xEF\xBF\xBD";
  std::string out;
  while (!s.empty()) {
    const auto bad = util::find_invalid_utf8(s);
    for (const char c : s.substr(0, bad.value_or(s.size()))) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
          if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            out += k_replacement;
          } else {
            out += c;
          }
      }
    }
    if (!bad) break;
    out += k_replacement;
    s.remove_prefix(*bad + 1);
  }
  return out;
}

std::string junit_format(const CheckReport& r) {
  std::size_t failures = 0;
  std::string cases;
  for (const auto& file : r.files) {
    std::string errors, warnings;
    for (const auto& d : *r.diagnostics) {
      if (d.location.file != file) continue;
      (d.severity == Severity::error ? errors : warnings) += one_line(d) + "\n";
    }
    cases += fmt::format("    <testcase classname=\"bbg.check\" name=\"{}\" file=\"{}\">\n", xml_escape(file), xml_escape(file));
    if (!errors.empty()) {
      ++failures;
      const auto first = errors.substr(0, errors.find('\n'));
      cases += fmt::format("      <failure type=\"bbg.check\" message=\"{}\">{}</failure>\n", xml_escape(first),
                           xml_escape(errors));
    }
    if (!warnings.empty()) cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(warnings));
    cases += "    </testcase>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"bbg check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n"
      "  <testsuite name=\"bbg check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\">\n"
      "{2}"
      "  </testsuite>\n"
      "</testsuites>\n",
      r.files.size(), failures, cases);
}

std::string sarif_format(const CheckReport& r) {
  using nlohmann::ordered_json;
  std::set<std::string> codes;
  ordered_json results = ordered_json::array();
  for (const auto& d : *r.diagnostics) {
    codes.insert(d.code);
    results.push_back(
        {{"ruleId", d.code},
         {"level", model::to_string(d.severity)},
         {"message", {{"text", d.message}}},
         {"locations",
          ordered_json::array({{{"physicalLocation",
                                 {{"artifactLocation", {{"uri", uri_reference(d.location.file)}}},
                                  {"region", {{"startLine", d.location.line}, {"startColumn", d.location.column}}}}}}})}});
  }
  ordered_json rules = ordered_json::array();
  for (const auto& code : codes) rules.push_back({{"id", code}, {"name", code}});
  ordered_json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({{{"tool", {{"driver", {{"name", "bbg"}, {"version", r.tool_version}, {"rules", rules}}}}},
                                     {"results", results}}})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string one_line(const model::Diagnostic& d) {
  return fmt::format("{}:{}:{}: {}[{}]: {}", util::escape_for_display(d.location.file), d.location.line, d.location.column,
                     model::to_string(d.severity), d.code, d.message);
}

std::string render_check(const CheckReport& report, CheckFormat format) {
  switch (format) {
    case CheckFormat::text: return text_format(report);
    case CheckFormat::json: return json_format(report);
    case CheckFormat::github: return github_format(report);
    case CheckFormat::junit: return junit_format(report);
    case CheckFormat::sarif: return sarif_format(report);
  }
  return {};
}

}  // namespace bbg::render
