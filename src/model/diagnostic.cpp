#include "model/diagnostic.hpp"

namespace bbg::model {

const char* to_string(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

}  // namespace bbg::model
