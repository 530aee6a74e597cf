// The small hierarchy of errors that stop a command. Findings in plans are not errors:
// they are model::Diagnostic values. Each error is caught once, in cli::run.
#pragma once

#include <stdexcept>
#include <string>

namespace bbg::util {

// Exit codes (SPEC.md): 0 success, 1 plans have errors / findings asked to fail, 2 usage or input.
enum class ExitCode : int { ok = 0, findings = 1, usage = 2 };

class Error : public std::runtime_error {
 public:
  Error(const std::string& message, ExitCode code) : std::runtime_error(message), m_code(code) {}
  ExitCode code() const { return m_code; }

 private:
  ExitCode m_code;
};

// The command line asks for something impossible (unknown flag value, no plans found, ...).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(message, ExitCode::usage) {}
};

// An input file or folder cannot be read.
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(message, ExitCode::usage) {}
};

// The snapshot database cannot be used (corrupt, foreign, newer, read-only, full).
class StoreError : public Error {
 public:
  explicit StoreError(const std::string& message) : Error(message, ExitCode::usage) {}
};

}  // namespace bbg::util
