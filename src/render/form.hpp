// The follow-up form (bbg followup writes it, bbg import reads it back): its columns, named in
// English or Swedish, and the CSV of its rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/labels.hpp"
#include "render/table.hpp"
#include "report/followup.hpp"

namespace bbg::render {

enum class FormColumn { plan, activity, title, owners, round, due, status, new_status, date, note, by };

// The header of a column in `lang` ("new_status", "ny_status").
const char* form_header(FormColumn column, Lang lang);
// The column a header names, in either language, in any case, with a space for the underscore
// ("Ny status"); nothing for any other header.
std::optional<FormColumn> form_column(std::string_view header);

// The form as CSV: the questions, then the empty columns new_status, date, note and by.
std::string render_form(const std::vector<report::FormRow>& rows, Lang lang, const TableStyle& style);

}  // namespace bbg::render
