#include "cli/repository.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/file.hpp"

namespace bbg::cli {
namespace fs = std::filesystem;
namespace {

bool is_plan_name(const fs::path& path) { return path.extension() == ".yaml"; }

bool is_inside(const fs::path& canonical_path, const fs::path& canonical_root) {
  const auto [root_end, _] = std::mismatch(canonical_root.begin(), canonical_root.end(), canonical_path.begin(),
                                           canonical_path.end());
  return root_end == canonical_root.end();
}


class Reader {
 public:
  explicit Reader(const std::optional<fs::path>& root) {
    if (root) {
      std::error_code ec;
      m_lexical_root = fs::absolute(*root, ec).lexically_normal();
      m_root = fs::canonical(*root, ec);
      if (ec) m_root = m_lexical_root;
    }
  }

  std::string display(const fs::path& path) const {
    if (m_root) {
      std::error_code ec;
      const fs::path absolute = fs::absolute(path, ec).lexically_normal();
      for (const auto& root : {*m_lexical_root, *m_root}) {
        if (!ec && is_inside(absolute, root)) return absolute.lexically_relative(root).generic_string();
      }
    }
    return path.lexically_normal().generic_string();
  }

  // Folders are walked without following symbolic links to folders.
  // *.yml files seen by walk(), as warnings: plan files must end in .yaml.
  std::vector<check::Source> misnamed() const {
    std::vector<check::Source> out;
    for (const auto& path : m_misnamed) {
      check::Source source = check::refused_source(display(path), "file-extension",
                                     "plan files must end in .yaml; this .yml file is not checked: rename it");
      source.refused->severity = model::Severity::warning;
      out.push_back(std::move(source));
    }
    m_misnamed.clear();
    return out;
  }

  std::vector<fs::path> walk(const fs::path& folder) const {
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) continue;
      if (entry.path().extension() == ".yml") {
        m_misnamed.push_back(entry.path());
        continue;
      }
      if (!is_plan_name(entry.path())) continue;
      if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) continue;
      found.push_back(entry.path());
      if (found.size() > k_max_files) {
        throw util::InputError(fmt::format("more than {} plan files under {}; bbg checks at most {} in one run",
                                           k_max_files, display(folder), k_max_files));
      }
    }
    if (ec) throw util::InputError(fmt::format("cannot read the folder {}: {}", display(folder), ec.message()));
    std::sort(found.begin(), found.end());
    return found;
  }

  check::Source read(const fs::path& path) const {
    const std::string file = display(path);
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
      std::error_code target_ec;
      const bool target = fs::exists(path, target_ec);
      if (target_ec) {  // e.g. a loop of links
        return check::refused_source(
            file, "file", fmt::format("symbolic link that cannot be followed ({}); remove it or fix its target", target_ec.message()));
      }
      if (!target) {
        return check::refused_source(file, "file", "symbolic link whose target does not exist (a dangling link); remove it or fix its target");
      }
    }
    // A path inside the repository whose real location is outside it went through a symbolic
    // link (to the file or to a folder on the way): never read it.
    if (m_root) {
      const fs::path lexical = fs::absolute(path, ec).lexically_normal();
      const fs::path real = fs::canonical(path, ec);
      const bool named_inside = is_inside(lexical, *m_lexical_root) || is_inside(lexical, *m_root);
      if (!ec && named_inside && !is_inside(real, *m_root)) {
        return check::refused_source(file, "symlink",
                       "symbolic link leads outside the repository; bbg does not follow it: replace it with the file itself");
      }
    }
    util::FileRead content = util::read_regular_file(path, k_max_file_bytes);
    if (content.error) {
      return check::refused_source(file, content.too_large ? "limit-size" : "file",
                     content.too_large ? *content.error + "; split the plan or remove what does not belong in it"
                                       : *content.error);
    }
    check::Source source;
    source.file = file;
    source.content = std::move(content.content);
    return source;
  }

 private:
  mutable std::vector<fs::path> m_misnamed;  // *.yml files seen while walking
  std::optional<fs::path> m_root;          // canonical
  std::optional<fs::path> m_lexical_root;  // as given, made absolute
};

}  // namespace

std::optional<fs::path> find_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    if (fs::is_directory(dir / "plans", ec)) return dir;
    if (!dir.has_relative_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

fs::path require_root(const std::string& root_option) {
  std::error_code ec;
  if (!root_option.empty()) {
    if (!fs::is_directory(fs::path(root_option) / "plans", ec)) {
      throw util::UsageError(fmt::format("--root {}: no plans/ folder there; point --root at a plan repository", root_option));
    }
    return fs::path(root_option);
  }
  if (auto root = find_root(fs::current_path(ec))) return *root;
  throw util::UsageError(
      "no plans/ folder here or in any parent folder; run bbg inside a plan repository, "
      "pass --root DIR, or name the plan files to check (bbg init makes a new repository)");
}

std::vector<check::Source> read_sources(const std::optional<fs::path>& root, const std::vector<std::string>& paths,
                                        Reading reading) {
  const auto shared_reader = std::make_shared<const Reader>(root);
  const Reader& reader = *shared_reader;
  std::vector<check::Source> sources;
  std::set<std::string> seen;
  const auto add = [&](const fs::path& path, bool report) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(fs::absolute(path, ec), ec);
    // No canonical form (e.g. a loop of symbolic links): the file is still reported, as named.
    if (ec || key.empty()) key = fs::absolute(path).lexically_normal();
    if (!seen.insert(key.string()).second) return;
    check::Source source;
    if (reading == Reading::deferred) {
      source.file = reader.display(path);
      source.deferred = [shared_reader, path] { return shared_reader->read(path); };
    } else {
      source = reader.read(path);
    }
    source.report = report;
    sources.push_back(std::move(source));
  };

  if (paths.empty()) {
    if (!root) throw util::UsageError("no plan repository found; pass --root DIR or name the plan files to check");
    for (const auto& path : reader.walk(*root / "plans")) add(path, true);
    if (sources.empty()) {
      throw util::UsageError(fmt::format("no plan files (*.yaml) under {}/plans; add one with bbg new plan",
                                         reader.display(*root)));
    }
    for (auto& warning : reader.misnamed()) sources.push_back(std::move(warning));
    return sources;
  }

  for (const auto& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const auto link_status = fs::symlink_status(path, ec);
    if (!fs::exists(link_status)) {
      throw util::UsageError(fmt::format("{}: no such file or folder", given));
    }
    if (!fs::is_symlink(link_status) && fs::is_directory(link_status)) {
      const auto found = reader.walk(path);
      if (found.empty()) throw util::UsageError(fmt::format("{}: no plan files (*.yaml) in this folder", given));
      for (const auto& file : found) add(file, true);
    } else {
      add(path, true);
    }
  }
  for (auto& warning : reader.misnamed()) sources.push_back(std::move(warning));
  if (root) {
    for (const auto& path : reader.walk(*root / "plans")) add(path, false);
    reader.misnamed();  // reported only for the folders the user named
  }
  return sources;
}

}  // namespace bbg::cli
