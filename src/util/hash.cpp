#include "util/hash.hpp"

#include <cstring>

namespace bbg::util {
namespace {

constexpr std::uint64_t k_m = 0xc6a4a7935bd1e995ULL;

std::uint64_t mix(std::uint64_t k) {
  k *= k_m;
  k ^= k >> 47;
  return k * k_m;
}

}  // namespace

// MurmurHash64A's structure: 8 bytes at a time, then the tail, then a final avalanche.
std::uint64_t fast_hash64(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = seed ^ (data.size() * k_m);
  const char* p = data.data();
  std::size_t n = data.size();
  while (n >= 8) {
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    h = (h ^ mix(k)) * k_m;
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  if (n > 0) h = (h ^ tail) * k_m;
  h ^= h >> 47;
  h *= k_m;
  h ^= h >> 47;
  return h;
}

}  // namespace bbg::util
