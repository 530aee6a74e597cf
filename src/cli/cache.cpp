#include "cli/cache.hpp"

#include <string>

#include "check/embedded.hpp"

namespace bbg::cli {

CacheSession::CacheSession(const std::optional<std::filesystem::path>& root, bool disabled) {
  if (disabled || !root) return;
  const std::string version = std::string(check::bbg_version()) + "+" + std::string(check::bbg_commit());
  m_cache = store::CheckCache::open(*root / ".bbg" / "cache.db", version);
  if (!m_cache) return;
  m_adapter.find = [this](const std::string& file, std::uint64_t hash, model::Detail detail) {
    return m_cache->find(file, hash, detail == model::Detail::full);
  };
  m_adapter.put = [this](const std::string& file, std::uint64_t hash, std::string summary, std::string full) {
    m_cache->put(file, hash, std::move(summary), std::move(full));
  };
}

CacheSession::~CacheSession() {
  if (m_cache) m_cache->flush();
}

}  // namespace bbg::cli
