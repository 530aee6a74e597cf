#include "cli/plan_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/schema.hpp"
#include "cli/repository.hpp"
#include "render/diagnostics.hpp"
#include "render/diff.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace bbg::cli {
namespace fs = std::filesystem;

fs::path lock_path(const fs::path& root) {
  std::error_code ec;
  fs::create_directories(root / ".bbg", ec);
  if (ec) throw util::InputError(fmt::format("cannot create {}: {}", (root / ".bbg").string(), ec.message()));
  return root / ".bbg" / "lock";
}

int edit_plan(const Context& context, const std::string& plan_id,
              const std::function<yaml::EditResult(std::string_view, const yaml::Node&, const model::Plan&)>& edit,
              const std::function<std::string(const model::Plan&)>& summary, DryRun dry_run) {
  const fs::path root = require_root(context.root_option);
  const util::FileLock lock(lock_path(root));

  std::vector<check::Source> sources = read_sources(root, {});
  const check::SchemaChecker schema;
  const check::CheckResult before = check::check_sources(sources, schema);
  std::vector<std::string> ids;
  const model::Plan* plan = nullptr;
  for (const auto& p : before.plans) {
    ids.push_back(p.id);
    if (p.id == plan_id) plan = &p;
  }
  if (!plan) {
    std::string message = fmt::format("no plan with id \"{}\"", plan_id);
    if (const auto guess = util::closest_match(plan_id, ids)) message += fmt::format("; did you mean \"{}\"?", *guess);
    throw util::UsageError(message);
  }
  auto source = std::find_if(sources.begin(), sources.end(), [&](const auto& s) { return s.file == plan->file; });
  const yaml::LoadResult loaded = yaml::load(source->content);
  if (!loaded.root) throw util::Error(fmt::format("{} cannot be read; run bbg check", plan->file), util::ExitCode::findings);

  const yaml::EditResult edited = edit(source->content, *loaded.root, *plan);
  if (!edited.error.empty()) {
    throw util::Error(fmt::format("{}: {}", plan->file, edited.error), util::ExitCode::findings);
  }

  // The result must pass bbg check, with the rest of the repository around it.
  const std::string old_text = source->content;
  source->content = edited.text;
  const check::CheckResult after = check::check_sources(sources, schema);
  bool refused = false;
  for (const auto& d : after.diagnostics) {
    if (d.severity != model::Severity::error || d.location.file != plan->file) continue;
    *context.err << render::one_line(d) << '\n';
    refused = true;
  }
  if (refused) {
    throw util::Error(fmt::format("the change would make {} fail bbg check; nothing was written", plan->file),
                      util::ExitCode::findings);
  }
  if (dry_run == DryRun::yes) {
    *context.out << render::unified_diff(old_text, edited.text, plan->file) << std::flush;
    return 0;
  }
  util::write_file_atomically(root / plan->file, edited.text);
  *context.out << summary(*plan) << std::flush;
  return 0;
}

void create_file(const fs::path& path, std::string_view content) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    throw util::UsageError(fmt::format("{} already exists; bbg does not overwrite it", path.string()));
  }
  fs::create_directories(path.parent_path().empty() ? fs::path(".") : path.parent_path(), ec);
  if (ec) throw util::InputError(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  // O_EXCL: a file that appeared meanwhile is never overwritten.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw util::InputError(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
  ::close(fd);
  try {
    util::write_file_atomically(path, content);
  } catch (...) {
    ::unlink(path.c_str());  // the empty file O_EXCL made
    throw;
  }
}

}  // namespace bbg::cli
