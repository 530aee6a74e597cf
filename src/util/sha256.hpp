// SHA-256 (FIPS 180-4), for content hashes of plan files. Knows nothing of bbg.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace bbg::util {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string hex();  // finishes the hash: call once

 private:
  void block(const unsigned char* p);
  std::array<std::uint32_t, 8> m_h;
  std::array<unsigned char, 64> m_buffer{};
  std::size_t m_used = 0;
  std::uint64_t m_length = 0;
};

std::string sha256_hex(std::string_view data);

}  // namespace bbg::util
