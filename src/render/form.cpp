#include "render/form.hpp"

#include <array>
#include <utility>
#include <vector>

#include "model/owners.hpp"
#include "util/text.hpp"

namespace bbg::render {
namespace {

struct Names {
  FormColumn column;
  const char* en;
  const char* sv;
};

constexpr std::array<Names, 11> k_names{{
    {FormColumn::plan, "plan", "plan"},
    {FormColumn::activity, "activity", "aktivitet"},
    {FormColumn::title, "title", "titel"},
    {FormColumn::owners, "owners", "ansvariga"},
    {FormColumn::round, "round", "omgång"},
    {FormColumn::due, "due", "deadline"},
    {FormColumn::status, "status", "status"},
    {FormColumn::new_status, "new_status", "ny_status"},
    {FormColumn::date, "date", "datum"},
    {FormColumn::note, "note", "notering"},
    {FormColumn::by, "by", "av"},
}};

}  // namespace

const char* form_header(FormColumn column, Lang lang) {
  for (const auto& n : k_names) {
    if (n.column == column) return lang == Lang::sv ? n.sv : n.en;
  }
  return "";
}

std::optional<FormColumn> form_column(std::string_view header) {
  // name_key folds case, accents and runs of white space; an underscore is a space here.
  const auto key = [](std::string_view text) {
    std::string s(text);
    for (char& c : s) c = c == '_' ? ' ' : c;
    return model::name_key(s);
  };
  static const std::vector<std::pair<std::string, FormColumn>> keys = [&] {
    std::vector<std::pair<std::string, FormColumn>> out;
    for (const auto& n : k_names) {
      out.emplace_back(key(n.en), n.column);
      out.emplace_back(key(n.sv), n.column);
    }
    return out;
  }();
  const std::string wanted = key(header);
  for (const auto& [name, column] : keys) {
    if (wanted == name) return column;
  }
  return std::nullopt;
}

std::string render_form(const std::vector<report::FormRow>& rows, Lang lang, const TableStyle& style) {
  Table t;
  for (const auto& n : k_names) t.columns.emplace_back(lang == Lang::sv ? n.sv : n.en);
  for (const auto& row : rows) {
    t.rows.push_back({Cell(row.plan), Cell(row.id), Cell(row.title), Cell(util::join(row.owners)),
                      Cell(row.round ? row.round->iso() : ""), Cell(row.due ? row.due->iso() : ""),
                      Cell(csv_status(row.status, lang)), Cell(""), Cell(""), Cell(""), Cell("")});
  }
  return render_table(t, TableFormat::csv, style);
}

}  // namespace bbg::render
