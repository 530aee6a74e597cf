// SHA-256 (FIPS 180-4), through OpenSSL's libcrypto (SHA-NI or AVX2 where the processor has
// them: about 1.8 GB/s here, fast enough to hash every plan file on every cold run). Knows
// nothing of bbg.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace bbg::util {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string digest();  // the 32 bytes; finishes the hash: call digest() or hex() once
  std::string hex();     // the same as 64 lowercase hex digits

 private:
  struct Context;
  std::unique_ptr<Context> m_context;
};

std::string sha256(std::string_view data);      // 32 bytes
std::string sha256_hex(std::string_view data);  // 64 hex digits
std::string to_hex(std::string_view bytes);

}  // namespace bbg::util
