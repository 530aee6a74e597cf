// A fast 64-bit hash of bytes for cache keys (not cryptographic: for files on the user's own
// disk, where speed matters; SHA-256 is in util/sha256.hpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace bbg::util {

std::uint64_t fast_hash64(std::string_view data, std::uint64_t seed = 0);

}  // namespace bbg::util
