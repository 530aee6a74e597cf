// JSON Schema validation of one plan tree (valijson through nlohmann-json, strong types),
// with valijson's errors turned into diagnostics that point at the offending node.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "yaml/document.hpp"

namespace bbg::check {

class SchemaChecker {
 public:
  // The embedded plan schema, compiled once, when the first file is validated (a run that the
  // check cache answers whole never compiles it); validate() may be called from many threads.
  SchemaChecker();
  // Another embedded schema (embedded_owners_schema()), compiled the same way.
  explicit SchemaChecker(std::string_view schema_text);
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Diagnostics (code "schema") for `root`, a plan file's tree. Date and deadline values that
  // are scalars are left to the semantic rules, which say more about them.
  model::Diagnostics validate(const yaml::Node& root, const std::string& file) const;

  // For tests and fuzzing, which hold the two verdicts to each other: valijson's alone, and the
  // compiled one that validate() takes for a file it finds valid (false when not compiled).
  bool valijson_accepts(const yaml::Node& root) const;
  bool fast_accepts(const yaml::Node& root) const;
  bool fast_verdict_compiled() const;

 private:
  struct Impl;
  const Impl& impl() const;
  static std::unique_ptr<Impl> compile(std::string_view schema_text);
  std::string_view m_text;
  mutable std::once_flag m_compiled;
  mutable std::unique_ptr<Impl> m_impl;
};

}  // namespace bbg::check
