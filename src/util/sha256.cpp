#include "util/sha256.hpp"

#include <new>

#include <openssl/evp.h>

namespace bbg::util {

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
  m_context->md = EVP_MD_CTX_new();
  if (!m_context->md || EVP_DigestInit_ex(m_context->md, EVP_sha256(), nullptr) != 1) throw std::bad_alloc();
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_context->md); }

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(m_context->md, data.data(), data.size()) != 1) throw std::bad_alloc();
}

std::string Sha256::digest() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(m_context->md, out, &length) != 1) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), length);
}

std::string Sha256::hex() { return to_hex(digest()); }

std::string sha256(std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), out, &length, EVP_sha256(), nullptr) != 1) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), length);
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string to_hex(std::string_view bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += k_digits[b >> 4];
    out += k_digits[b & 15];
  }
  return out;
}

}  // namespace bbg::util
