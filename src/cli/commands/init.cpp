// bbg init [DIR]: scaffold a plan repository.
#include <ostream>

#include <fmt/format.h>

#include "check/embedded.hpp"
#include "cli/commands/commands.hpp"
#include "workspace/files.hpp"
#include "workspace/workspace.hpp"
#include "util/error.hpp"

namespace bbg::cli {
namespace {

constexpr const char* k_readme =
    "# Action plans\n\n"
    "Plans in `plans/`, one YAML file per plan, checked by [bbg](https://example.invalid/bbg):\n\n"
    "```sh\n"
    "bbg check             # validate every plan\n"
    "bbg status            # where do we stand?\n"
    "bbg overdue           # what is late?\n"
    "bbg new plan ID --title ... --organisation ... --period 2024..2027\n"
    "bbg update PLAN/ACTIVITY --status done --note \"...\"\n"
    "```\n\n"
    "`schemas/plan.schema.json` lets editors with the YAML language server check and complete a plan\n"
    "file from the `# yaml-language-server: $schema=../schemas/plan.schema.json` line at its top.\n";

// A small valid plan, so that `bbg check` passes in the new repository from the start.
constexpr const char* k_example_plan =
    "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
    "# An example: rename it (and its id), or remove it once your own plan is in place.\n"
    "schema_version: 1\n"
    "id: example\n"
    "title: Exempelplan\n"
    "level: municipality\n"
    "organisation: Exempel kommun\n"
    "parent: null\n"
    "period: {start: 2025-01-01, end: 2027-12-31}\n"
    "areas:\n"
    "  - id: \"1\"\n"
    "    title: Samverkan\n"
    "    activities:\n"
    "      - id: \"1.1\"\n"
    "        title: Ta fram en lokal handlingsplan\n"
    "        owners: [Processledarna]\n"
    "        due: 2025-Q4\n"
    "        status: planned\n";

// The owner registry, empty: it checks nothing until it has entries.
constexpr const char* k_owners =
    "# yaml-language-server: $schema=schemas/owners.schema.json\n"
    "#\n"
    "# The owner registry: one entry per body that owns activities, so that reports name each body\n"
    "# once, whatever spelling a plan uses. Once it has entries, bbg check warns about an owner it\n"
    "# does not know. Each entry:\n"
    "#\n"
    "#   - name: Linnéuniversitetet                       # the name reports show\n"
    "#     aliases: [Linneuniversitetet, Linnéuniversitet] # other names plans write for it\n"
    "#     kind: organisation                             # organisation, role, group or network\n"
    "#   - name: Ljungby kommun\n"
    "#     kind: organisation\n"
    "#     code: \"0781\"                                  # SCB/Kolada municipality or region code\n"
    "[]\n";

constexpr const char* k_gitignore = "# bbg's own state (snapshots, cache, lock)\n.bbg/\n";

constexpr const char* k_github =
    "# Checks every plan on each pull request; annotations appear on the diff.\n"
    "# Install bbg first (a step that installs the bbg .deb, or builds it).\n"
    "name: bbg\n"
    "on:\n"
    "  pull_request:\n"
    "  push:\n"
    "    branches: [main]\n"
    "  schedule:\n"
    "    - cron: \"0 6 * * 1\"   # Mondays: fail when something is overdue\n"
    "jobs:\n"
    "  check:\n"
    "    runs-on: ubuntu-latest\n"
    "    steps:\n"
    "      - uses: actions/checkout@v4\n"
    "      - run: bbg check --format github\n"
    "      - if: github.event_name == 'schedule'\n"
    "        run: bbg overdue --fail-on-overdue\n";

constexpr const char* k_gitlab =
    "# Checks every plan on each merge request; the JUnit report shows in the merge request.\n"
    "# Install bbg first (in the image, or with a before_script).\n"
    "bbg-check:\n"
    "  script:\n"
    "    - bbg check --format junit > bbg-check.xml\n"
    "  artifacts:\n"
    "    when: always\n"
    "    reports:\n"
    "      junit: bbg-check.xml\n"
    "bbg-overdue:\n"
    "  rules:\n"
    "    - if: $CI_PIPELINE_SOURCE == \"schedule\"\n"
    "  script:\n"
    "    - bbg overdue --fail-on-overdue\n";

int run_init(const std::string& dir, const Context& context) {
  namespace fs = std::filesystem;
  const fs::path root(dir.empty() ? "." : dir);
  std::error_code ec;
  if (fs::exists(root / "plans", ec)) {
    throw util::UsageError(fmt::format("{} already has a plans/ folder: it is a plan repository", root.string()));
  }
  const std::pair<const char*, std::string> files[] = {
      {"schemas/plan.schema.json", std::string(check::embedded_plan_schema())},
      {"schemas/owners.schema.json", std::string(check::embedded_owners_schema())},
      {"owners.yaml", k_owners},
      {"plans/example.yaml", k_example_plan},
      {".gitignore", k_gitignore},
      {"README.md", k_readme},
      {".github/workflows/bbg.yml", k_github},
      {".gitlab-ci.yml", k_gitlab},
  };
  for (const auto& [name, content] : files) {
    if (fs::exists(fs::symlink_status(root / name, ec))) {
      throw util::UsageError(fmt::format("{} already exists; bbg init writes nothing over it", (root / name).string()));
    }
  }
  fs::create_directories(root / "plans", ec);
  if (ec) throw util::InputError(fmt::format("cannot create {}: {}", (root / "plans").string(), ec.message()));
  workspace::Workspace repository(workspace::disk_files(root), root, {});
  for (const auto& [name, content] : files) repository.create(name, content);
  *context.out << fmt::format(
      "new plan repository in {}: plans/example.yaml, owners.yaml, schemas/plan.schema.json,\n"
      "schemas/owners.schema.json, .gitignore, README.md, .github/workflows/bbg.yml and .gitlab-ci.yml. Next: bbg new plan ID --title ... --organisation ... --period ...\n",
      root.string());
  return 0;
}

}  // namespace

void register_init(CLI::App& app, Context& context, Outcome& outcome) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("init", "Scaffold a plan repository: plans/, the schema, .gitignore, README, CI examples");
  cmd->add_option("dir", *dir, "Folder to set up (default: the current folder)")->type_name("DIR");
  cmd->callback([dir, &context, &outcome] { outcome.run = [dir, &context] { return run_init(*dir, context); }; });
}

}  // namespace bbg::cli
