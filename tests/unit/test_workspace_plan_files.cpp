#include <doctest/doctest.h>

#include <algorithm>

#include "testutil.hpp"
#include "util/error.hpp"
#include "workspace/plan_files.hpp"
#include "workspace/workspace.hpp"

using namespace bbg;
using namespace bbg::workspace;

namespace {

const PlanFile* named(const Found& found, const std::string& name) {
  for (const auto& f : found.files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string code_of(const Found& found, const std::string& name) {
  const PlanFile* f = named(found, name);
  REQUIRE_MESSAGE(f, name);
  return f->refused ? f->refused->code : "";
}

}  // namespace

TEST_SUITE("workspace::resolve") {
  TEST_CASE("a path without links resolves to itself") {
    MemoryFiles files;
    files.file("plans/a.yaml", "x");
    const Resolved r = resolve(files, "plans/a.yaml");
    CHECK(r.where == Resolved::Where::inside);
    CHECK(r.path == "plans/a.yaml");
    CHECK(r.stat.kind == Kind::file);
  }

  TEST_CASE("links are followed through folders and files, relative and absolute") {
    MemoryFiles files;
    files.file("drafts/2024/plan.yaml", "x").link("plans/current", "../drafts/2024").link("plans/abs.yaml", "/repo/drafts/2024/plan.yaml");
    const Resolved through_folder = resolve(files, "plans/current/plan.yaml");
    CHECK(through_folder.where == Resolved::Where::inside);
    CHECK(through_folder.path == "drafts/2024/plan.yaml");
    const Resolved absolute = resolve(files, "plans/abs.yaml");
    CHECK(absolute.where == Resolved::Where::inside);
    CHECK(absolute.path == "drafts/2024/plan.yaml");
  }

  TEST_CASE("a link that climbs out of the repository, or names a place outside it, leads outside") {
    MemoryFiles files;
    files.link("plans/up.yaml", "../../etc/passwd").link("plans/abs.yaml", "/etc/passwd").link("plans/dotdot", "..");
    CHECK(resolve(files, "plans/up.yaml").where == Resolved::Where::outside);
    CHECK(resolve(files, "plans/abs.yaml").where == Resolved::Where::outside);
    // plans/dotdot is the root itself: inside; one more ".." is not.
    CHECK(resolve(files, "plans/dotdot").where == Resolved::Where::inside);
    CHECK(resolve(files, "plans/dotdot/..").where == Resolved::Where::outside);
  }

  TEST_CASE("a loop of links is a loop, a link to nothing dangles") {
    MemoryFiles files;
    files.link("plans/a.yaml", "b.yaml").link("plans/b.yaml", "a.yaml").link("plans/gone.yaml", "missing.yaml");
    CHECK(resolve(files, "plans/a.yaml").where == Resolved::Where::loop);
    CHECK(resolve(files, "plans/gone.yaml").where == Resolved::Where::dangling);
  }
}

TEST_SUITE("workspace::find_plan_files") {
  TEST_CASE("every *.yaml under the folder, sorted by name; other files are left alone") {
    MemoryFiles files;
    files.file("plans/b.yaml", "b").file("plans/a/x.yaml", "x").file("plans/a.yaml", "a").file("plans/README.md", "r");
    const Found found = find_plan_files(files, "plans");
    REQUIRE(found.files.size() == 3);
    CHECK(found.files[0].name == "plans/a.yaml");
    CHECK(found.files[1].name == "plans/a/x.yaml");
    CHECK(found.files[2].name == "plans/b.yaml");
    CHECK(found.misnamed.empty());
  }

  TEST_CASE("a folder link that stays inside is walked, under the link's name") {
    MemoryFiles files;
    files.file("archive/old.yaml", "o").link("plans/archive", "../archive");
    const Found found = find_plan_files(files, "plans");
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0].name == "plans/archive/old.yaml");
    CHECK(found.files[0].path == "archive/old.yaml");
    CHECK_FALSE(found.files[0].refused);
  }

  TEST_CASE("a folder link that leaves the repository is reported, not walked") {
    MemoryFiles files;
    files.file("plans/ok.yaml", "x").link("plans/linked", "../../outside").link("plans/abs", "/home/user/secrets");
    const Found found = find_plan_files(files, "plans");
    CHECK(code_of(found, "plans/linked") == "symlink");
    CHECK(code_of(found, "plans/abs") == "symlink");
    CHECK(code_of(found, "plans/ok.yaml").empty());
    CHECK(named(found, "plans/linked")->refused->message.find("outside the repository") != std::string::npos);
  }

  TEST_CASE("a folder link back to a folder being walked is a loop, reported once") {
    MemoryFiles files;
    files.file("plans/a/p.yaml", "x").link("plans/a/again", "..");
    const Found found = find_plan_files(files, "plans");
    CHECK(code_of(found, "plans/a/again") == "symlink");
    CHECK(std::count_if(found.files.begin(), found.files.end(), [](const PlanFile& f) { return !f.refused; }) == 1);
  }

  TEST_CASE("a file reached twice is read once, under its first name") {
    MemoryFiles files;
    files.file("plans/a.yaml", "x").link("plans/b.yaml", "a.yaml");
    const Found found = find_plan_files(files, "plans");
    REQUIRE(found.files.size() == 1);
    CHECK(found.files[0].name == "plans/a.yaml");
  }

  TEST_CASE("dangling links, loops and FIFOs named *.yaml are refused, each with its reason") {
    MemoryFiles files;
    files.link("plans/gone.yaml", "missing.yaml").link("plans/a.yaml", "b.yaml").link("plans/b.yaml", "a.yaml").other("plans/fifo.yaml");
    const Found found = find_plan_files(files, "plans");
    CHECK(code_of(found, "plans/gone.yaml") == "file");
    CHECK(named(found, "plans/gone.yaml")->refused->message.find("dangling") != std::string::npos);
    CHECK(named(found, "plans/a.yaml")->refused->message.find("loop") != std::string::npos);
    CHECK(named(found, "plans/b.yaml")->refused->message.find("loop") != std::string::npos);
    CHECK(named(found, "plans/fifo.yaml")->refused->message.find("not a regular file") != std::string::npos);
  }

  TEST_CASE("a link with another extension is none of bbg's business, wherever it leads") {
    MemoryFiles files;
    files.file("plans/ok.yaml", "x").link("plans/notes.md", "/etc/motd");
    CHECK(find_plan_files(files, "plans").files.size() == 1);
  }

  TEST_CASE("*.yml files are listed apart, for a warning") {
    MemoryFiles files;
    files.file("plans/ok.yaml", "x").file("plans/wrong.yml", "y");
    const Found found = find_plan_files(files, "plans");
    REQUIRE(found.misnamed.size() == 1);
    CHECK(found.misnamed[0].refused->code == "file-extension");
    CHECK(found.misnamed[0].refused->severity == model::Severity::warning);
  }

  TEST_CASE("a plans folder that is a link leading outside stops everything") {
    MemoryFiles files;
    files.link("plans", "/etc");
    CHECK_THROWS_AS(find_plan_files(files, "plans"), util::InputError);
  }
}

TEST_SUITE("workspace::Workspace on memory") {
  Workspace on(MemoryFiles files) {
    Options options;
    options.no_cache = true;
    return Workspace(std::make_unique<MemoryFiles>(std::move(files)), std::filesystem::path("/repo"), options);
  }

  TEST_CASE("check reads every plan file and reports refused ones without reading them") {
    MemoryFiles files;
    files.file("plans/ok.yaml", test::plan_yaml()).link("plans/out.yaml", "/etc/passwd");
    Workspace ws = on(std::move(files));
    const Checked checked = ws.check();
    REQUIRE(checked.files.size() == 2);
    REQUIRE(checked.result.diagnostics.size() == 1);
    CHECK(checked.result.diagnostics[0].code == "symlink");
    CHECK(checked.result.diagnostics[0].location.file == "plans/out.yaml");
    CHECK(checked.result.unreadable);
  }

  TEST_CASE("the valid plans are read in full; an invalid one stops the command or is skipped") {
    MemoryFiles files;
    files.file("plans/a.yaml", test::plan_yaml()).file("plans/b.yaml", "schema_version: 1\nid: [\n");
    {
      MemoryFiles copy = files;
      Workspace ws = on(std::move(copy));
      CHECK_THROWS_AS(ws.valid_plans(Invalid::stop), InvalidPlans);
    }
    Workspace ws = on(std::move(files));
    std::vector<std::string> notes;
    ws.on_note([&](const std::string& note) { notes.push_back(note); });
    const auto plans = ws.valid_plans(Invalid::skip);
    REQUIRE(plans.size() == 1);
    CHECK_FALSE(plans[0].areas.empty());
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] == "skipped plans/b.yaml: it fails bbg check");
  }

  TEST_CASE("plans_hash changes when one file changes and not otherwise") {
    const auto hash = [](const std::string& title) {
      MemoryFiles files;
      files.file("plans/a.yaml", test::plan_yaml()).file("plans/b.yaml", "title: " + title + "\n");
      Workspace ws = on(std::move(files));
      ws.want_hashes();
      (void)ws.plan_summaries();
      return ws.plans_hash();
    };
    CHECK(hash("x") == hash("x"));
    CHECK(hash("x") != hash("y"));
    CHECK(hash("x").size() == 64);
  }

  TEST_CASE("owners.yaml gives the valid plans canonical names, and bbg check reports on it") {
    std::string plan = test::plan_yaml();
    plan.replace(plan.find("owners: [Processledarna]"), 24, "owners: [processledarna, Nämnden]");
    MemoryFiles files;
    files.file("plans/a.yaml", plan).file("owners.yaml", "- name: Processledarna\n  kind: role\n");
    Workspace ws = on(std::move(files));
    const auto plans = ws.valid_plans(Invalid::stop);
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].areas[0].activities[0].owners == std::vector<std::string>{"Processledarna", "Nämnden"});
    const Checked checked = ws.check();
    CHECK(checked.files == std::vector<std::string>{"owners.yaml", "plans/a.yaml"});
    REQUIRE(checked.result.diagnostics.size() == 1);
    CHECK(checked.result.diagnostics[0].code == "unknown-owner");
  }

  TEST_CASE("an owners.yaml that is a symbolic link is refused, never followed, and no registry is used") {
    MemoryFiles files;
    files.file("plans/a.yaml", test::plan_yaml()).file("elsewhere.yaml", "- name: Processledarna\n").link("owners.yaml", "elsewhere.yaml");
    Workspace ws = on(std::move(files));
    std::vector<std::string> notes;
    ws.on_note([&](const std::string& note) { notes.push_back(note); });
    CHECK(ws.owners() == nullptr);
    const Checked checked = ws.check();
    REQUIRE(checked.result.diagnostics.size() == 1);
    CHECK(checked.result.diagnostics[0].code == "symlink");
    CHECK(checked.result.diagnostics[0].location.file == "owners.yaml");
    CHECK_FALSE(checked.result.diagnostics[0].show_source);
    (void)ws.valid_plans(Invalid::stop);  // the plans pass; the broken registry is noted once
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("owners.yaml fails bbg check") != std::string::npos);
  }
}
