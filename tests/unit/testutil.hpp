// Helpers for unit tests: temporary folders, a minimal valid plan, checking text in memory.
#pragma once

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "check/checker.hpp"
#include "check/schema.hpp"

namespace bbg::test {

// A minimal valid plan; `activity_extra` is appended (indented) to its only activity.
inline std::string plan_yaml(const std::string& activity_extra = "", const std::string& top_extra = "") {
  return "schema_version: 1\n"
         "id: test-plan\n"
         "title: Testplan\n"
         "level: municipality\n"
         "organisation: Testkommun\n"
         "period: {start: 2020-01-01, end: 2023-12-31}\n" +
         top_extra +
         "areas:\n"
         "  - id: \"1\"\n"
         "    title: Område\n"
         "    activities:\n"
         "      - id: \"1.1\"\n"
         "        title: Aktivitet\n"
         "        owners: [Processledarna]\n"
         "        due: 2021-Q2\n"
         "        status: planned\n" +
         activity_extra;
}

// A loaded tree's view of a Value (which must outlive it), for tests that change trees.
struct ValueView {
  explicit ValueView(const yaml::Value& value) : root(view(value)) {}
  ValueView(const ValueView&) = delete;
  ValueView& operator=(const ValueView&) = delete;

  std::deque<std::vector<yaml::Node>> lists;  // a deque: the views of earlier lists stay valid
  std::deque<std::vector<yaml::Entry>> maps;
  yaml::Node root;

 private:
  yaml::Node view(const yaml::Value& v) {
    yaml::Node n;
    n.kind = v.kind;
    n.mark = n.end = v.mark;
    n.value = v.value;
    n.quoted = v.quoted;
    if (!v.items.empty()) {
      std::vector<yaml::Node>& list = lists.emplace_back();
      list.reserve(v.items.size());
      for (const auto& item : v.items) list.push_back(view(item));
      n.items = list;
    }
    if (!v.entries.empty()) {
      std::vector<yaml::Entry>& map = maps.emplace_back();
      map.reserve(v.entries.size());
      for (const auto& [key, value] : v.entries) map.push_back(yaml::Entry{view(key), view(value)});
      n.entries = map;
    }
    return n;
  }
};

inline const check::SchemaChecker& schema() {
  static const check::SchemaChecker checker;
  return checker;
}

// Checks in-memory files as `bbg check` would.
inline check::CheckResult check_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<check::Source> sources;
  for (const auto& [name, text] : files) {
    check::Source s;
    s.file = name;
    s.content = text;
    sources.push_back(s);
  }
  return check::check_sources(sources, schema());
}

inline check::CheckResult check_text(const std::string& text) { return check_texts({{"plans/p.yaml", text}}); }

// The bundled plans (plans/*.yaml of this repository) as (name as bbg shows it, text), by name.
inline std::vector<std::pair<std::string, std::string>> bundled_plan_files() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(BBG_SOURCE_DIR "/plans")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    files.emplace_back("plans/" + entry.path().filename().string(), text.str());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A fresh empty folder, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bbg-test-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace bbg::test
