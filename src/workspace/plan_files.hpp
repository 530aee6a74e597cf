// Finding the plan files of a repository, with bbg's rules for symbolic links and kinds of
// file, over the file seam (workspace/files.hpp): a link is followed when it stays inside the
// repository, files and folders alike; one that leaves it, leads nowhere or loops is reported
// and never read; only regular files are read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "workspace/files.hpp"

namespace bbg::workspace {

// At most this many plan files in one run, and this many entries looked at under plans/.
inline constexpr std::size_t k_max_files = 100'000;
inline constexpr std::size_t k_max_entries = 1'000'000;
// Folders nested deeper than this under plans/ are not walked (an error).
inline constexpr std::size_t k_max_folder_depth = 64;

// Where a path leads once every symbolic link on the way is followed.
struct Resolved {
  enum class Where { inside, outside, dangling, loop };
  Where where = Where::dangling;
  std::string path;  // inside: the path with no link left in it
  Stat stat;         // inside: what is there
};
Resolved resolve(const Files& files, const std::string& path);

struct PlanFile {
  std::string name;  // as users see it: where it was found (through links, as they are named)
  std::string path;  // where its bytes are (no link in it)
  Stat stat;         // of `path`
  std::optional<model::Diagnostic> refused;  // set when the file is not read, saying why
};

struct Found {
  std::vector<PlanFile> files;     // sorted by name; refused ones included
  std::vector<PlanFile> misnamed;  // *.yml files: a warning each, not checked
};

// Every *.yaml file under `folder` (a path of the repository), links followed by the rules
// above; a file reached twice is listed once, under its first name. Throws util::InputError for
// more than k_max_files, an unreadable folder or nesting past k_max_folder_depth.
Found find_plan_files(const Files& files, const std::string& folder);

// The diagnostic of a file that is not read (never showing its content).
model::Diagnostic refusal(const std::string& file, std::string code, std::string message);

}  // namespace bbg::workspace
