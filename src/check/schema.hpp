// JSON Schema validation of one plan tree (valijson through nlohmann-json, strong types),
// with valijson's errors turned into diagnostics that point at the offending node.
#pragma once

#include <memory>
#include <string>

#include "model/diagnostic.hpp"
#include "yaml/document.hpp"

namespace bbg::check {

class SchemaChecker {
 public:
  // Compiles the embedded plan schema once; validate() may then be called from many threads.
  SchemaChecker();
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Diagnostics (code "schema") for `root`, a plan file's tree. Date and deadline values that
  // are scalars are left to the semantic rules, which say more about them.
  model::Diagnostics validate(const yaml::Node& root, const std::string& file) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace bbg::check
