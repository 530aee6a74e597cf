// The check cache of a repository (.bbg/cache.db), for the commands that check plans.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "check/checker.hpp"
#include "store/cache.hpp"

namespace bbg::cli {

// Opens the cache unless `disabled` or there is no repository; writes what was learnt when it goes.
class CacheSession {
 public:
  CacheSession(const std::optional<std::filesystem::path>& root, bool disabled);
  ~CacheSession();
  CacheSession(const CacheSession&) = delete;
  CacheSession& operator=(const CacheSession&) = delete;

  // For CheckOptions::cache; nullptr when there is no cache.
  const check::OutcomeCache* get() const { return m_cache ? &m_adapter : nullptr; }

 private:
  std::unique_ptr<store::CheckCache> m_cache;
  check::OutcomeCache m_adapter;
};

}  // namespace bbg::cli
