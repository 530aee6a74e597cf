#include "workspace/plan_files.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include <fmt/format.h>

#include "util/error.hpp"

namespace bbg::workspace {
namespace {

constexpr int k_max_links = 40;  // as Linux's path lookup

std::deque<std::string> split(const std::string& path) {
  std::deque<std::string> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    const std::size_t slash = std::min(path.find('/', at), path.size());
    if (slash > at) parts.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string child(const std::string& folder, const std::string& name) { return folder.empty() ? name : folder + "/" + name; }

std::string extension(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
}

const char* k_outside = "symbolic link leads outside the repository; bbg does not follow it: replace it with the file itself";
const char* k_dangling = "symbolic link whose target does not exist (a dangling link); remove it or fix its target";
const char* k_loop = "symbolic link that cannot be followed (a loop of links); remove it or fix its target";
const char* k_not_regular = "is not a regular file (a device, FIFO or socket); plan files must be regular files";

class Walker {
 public:
  explicit Walker(const Files& files) : m_files(files) {}

  Found walk(const std::string& folder) {
    const Resolved start = resolve(m_files, folder);
    if (start.where == Resolved::Where::outside) {
      throw util::InputError(fmt::format("{} is a symbolic link that leads outside the repository; bbg does not follow "
                                         "it: make it a folder of the repository",
                                         folder));
    }
    if (start.where != Resolved::Where::inside || start.stat.kind != Kind::folder) {
      throw util::InputError(fmt::format("{}: no such folder", folder));
    }
    visit(folder, start.path, 0);
    std::sort(m_found.files.begin(), m_found.files.end(), [](const PlanFile& a, const PlanFile& b) { return a.name < b.name; });
    std::sort(m_found.misnamed.begin(), m_found.misnamed.end(), [](const PlanFile& a, const PlanFile& b) { return a.name < b.name; });
    return std::move(m_found);
  }

 private:
  void visit(const std::string& named, const std::string& real, std::size_t depth) {
    if (depth > k_max_folder_depth) {
      throw util::InputError(fmt::format("{}: folders nested more than {} deep; bbg does not walk further", named,
                                         k_max_folder_depth));
    }
    m_open.push_back(real);
    for (const Files::Entry& entry : m_files.entries(real)) {
      if (++m_entries > k_max_entries) {
        throw util::InputError(fmt::format("more than {} entries under the plans folder; bbg looks at no more", k_max_entries));
      }
      const std::string& name = entry.name;
      const Stat& stat = entry.stat;
      const std::string ext = extension(name);
      if (stat.kind == Kind::file && ext != ".yaml" && ext != ".yml") continue;  // not bbg's
      const std::string shown = child(named, name);
      const std::string here = child(real, name);
      const bool plan_name = ext == ".yaml";
      // A link is looked at when it could be a plan file or a folder (no other extension).
      const bool may_matter = plan_name || ext == ".yml" || ext.empty();
      switch (stat.kind) {
        case Kind::folder:
          visit(shown, here, depth + 1);
          break;
        case Kind::file:
          add(shown, here, stat, ext);
          break;
        case Kind::other:
          if (plan_name) refuse(shown, "file", k_not_regular);
          break;
        case Kind::link: {
          if (!may_matter) break;
          const Resolved target = resolve(m_files, here);
          if (target.where == Resolved::Where::outside) {
            refuse(shown, "symlink", k_outside);
          } else if (target.where == Resolved::Where::dangling) {
            if (plan_name) refuse(shown, "file", k_dangling);
            else if (ext.empty()) refuse(shown, "file", k_dangling);
          } else if (target.where == Resolved::Where::loop) {
            refuse(shown, "file", k_loop);
          } else if (target.stat.kind == Kind::folder) {
            if (std::find(m_open.begin(), m_open.end(), target.path) != m_open.end()) {
              refuse(shown, "symlink", "symbolic link to a folder it is in (a loop); bbg does not follow it: remove it");
            } else {
              visit(shown, target.path, depth + 1);
            }
          } else if (target.stat.kind == Kind::file) {
            add(shown, target.path, target.stat, ext);
          } else if (plan_name) {
            refuse(shown, "file", k_not_regular);
          }
          break;
        }
        case Kind::missing:
          break;
      }
    }
    m_open.pop_back();
  }

  void add(const std::string& shown, const std::string& real, const Stat& stat, const std::string& ext) {
    if (ext == ".yml") {
      PlanFile file{shown, real, stat, refusal(shown, "file-extension",
                                               "plan files must end in .yaml; this .yml file is not checked: rename it")};
      file.refused->severity = model::Severity::warning;
      m_found.misnamed.push_back(std::move(file));
      return;
    }
    if (ext != ".yaml") return;
    if (!m_seen.insert(real).second) return;  // the same file under a second name
    if (m_found.files.size() >= k_max_files) {
      throw util::InputError(fmt::format("more than {} plan files; bbg checks at most {} in one run", k_max_files, k_max_files));
    }
    m_found.files.push_back(PlanFile{shown, real, stat, std::nullopt});
  }

  void refuse(const std::string& shown, const char* code, const char* message) {
    m_found.files.push_back(PlanFile{shown, "", Stat{}, refusal(shown, code, message)});
  }

  const Files& m_files;
  Found m_found;
  std::unordered_set<std::string> m_seen;  // real paths of the plan files found
  std::vector<std::string> m_open;  // real paths of the folders being walked
  std::size_t m_entries = 0;
};

}  // namespace

Resolved resolve(const Files& files, const std::string& path) {
  Resolved out;
  std::vector<std::string> done;
  std::deque<std::string> todo = split(path);
  int links = 0;
  while (!todo.empty()) {
    const std::string part = todo.front();
    todo.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      if (done.empty()) {
        out.where = Resolved::Where::outside;
        return out;
      }
      done.pop_back();
      continue;
    }
    done.push_back(part);
    const Stat stat = files.stat(join(done));
    if (stat.kind == Kind::link) {
      if (++links > k_max_links) {
        out.where = Resolved::Where::loop;
        return out;
      }
      const auto target = files.read_link(join(done));
      done.pop_back();
      if (!target || target->empty()) return out;  // dangling
      std::deque<std::string> next = split(*target);
      if ((*target)[0] == '/') {
        const auto relative = files.inside(*target);
        if (!relative) {
          out.where = Resolved::Where::outside;
          return out;
        }
        done.clear();
        next = split(*relative);
      }
      todo.insert(todo.begin(), next.begin(), next.end());
      continue;
    }
    if (stat.kind == Kind::missing) return out;                       // dangling
    if (stat.kind != Kind::folder && !todo.empty()) return out;       // a file used as a folder
  }
  out.path = join(done);
  out.stat = files.stat(out.path);
  out.where = out.stat.kind == Kind::missing ? Resolved::Where::dangling : Resolved::Where::inside;
  return out;
}

Found find_plan_files(const Files& files, const std::string& folder) { return Walker(files).walk(folder); }

model::Diagnostic refusal(const std::string& file, std::string code, std::string message) {
  model::Diagnostic d;
  d.location = {file, 1, 1};
  d.code = std::move(code);
  d.message = std::move(message);
  d.show_source = false;
  return d;
}

}  // namespace bbg::workspace
