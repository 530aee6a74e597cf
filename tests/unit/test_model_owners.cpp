#include <doctest/doctest.h>

#include "check/owners.hpp"
#include "model/owners.hpp"
#include "testutil.hpp"

using namespace bbg;

namespace {
const std::string k_registry =
    "- name: Linnéuniversitetet\n"
    "  aliases: [Linneuniversitetet, Linnéuniversitet]\n"
    "  kind: organisation\n"
    "- name: Ljungby kommun\n"
    "  kind: organisation\n"
    "  code: \"0781\"\n"
    "- name: Processledarna\n"
    "  kind: role\n";

model::Owners registry() {
  auto file = check::check_owners_file("owners.yaml", k_registry);
  REQUIRE(file.diagnostics.empty());
  REQUIRE(file.owners);
  return *file.owners;
}
}  // namespace

TEST_SUITE("model::owners") {
  TEST_CASE("two spellings of a name share a key whatever their case, accents and spacing") {
    CHECK(model::name_key("Linnéuniversitetet") == model::name_key("linneuniversitetet"));
    CHECK(model::name_key("  Tvärgrupp   barn ") == "tvargrupp barn");
    CHECK(model::name_key("ÅÄÖ åäö") == "aao aao");
    CHECK(model::name_key("Linnéuniversitet") != model::name_key("Linnéuniversitetet"));
  }

  TEST_CASE("an alias, in any case or without its accent, finds its body's canonical name") {
    const auto owners = registry();
    CHECK(owners.canonical("Linneuniversitetet") == "Linnéuniversitetet");
    CHECK(owners.canonical("LINNÉUNIVERSITET") == "Linnéuniversitetet");
    CHECK(owners.canonical("ljungby KOMMUN") == "Ljungby kommun");
    CHECK(owners.canonical("Okänd aktör") == "Okänd aktör");  // not known: as written
    REQUIRE(owners.find("Ljungby kommun"));
    CHECK(owners.find("Ljungby kommun")->code == "0781");
  }

  TEST_CASE("a plan's owners become canonical names, each once, in the order first written") {
    auto checked = test::check_text(test::plan_yaml());
    REQUIRE(checked.plans.size() == 1);
    model::Plan plan = checked.plans.front();
    plan.areas[0].activities[0].owners = {"Linneuniversitetet", "processledarna", "Linnéuniversitet", "Okänd"};
    registry().canonicalise(plan);
    CHECK(plan.areas[0].activities[0].owners == std::vector<std::string>{"Linnéuniversitetet", "Processledarna", "Okänd"});
  }
}

TEST_SUITE("check::owners") {
  TEST_CASE("a name that two entries claim is an error at the later entry") {
    const auto file = check::check_owners_file("owners.yaml", k_registry + "- name: Linnéuniversitet\n");
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].code == "owner-duplicate");
    CHECK(file.diagnostics[0].location.line == 9);
    CHECK(file.diagnostics[0].message.find("already a name of \"Linnéuniversitetet\" (line 1)") != std::string::npos);
    CHECK_FALSE(file.owners);  // a registry with an error is not used
  }

  TEST_CASE("the registry's schema is checked: a code without its leading zero is refused") {
    const auto file = check::check_owners_file("owners.yaml", "- name: Ljungby kommun\n  code: 781\n");
    REQUIRE_FALSE(file.diagnostics.empty());
    CHECK(file.diagnostics[0].code == "schema");
    CHECK(file.diagnostics[0].location.line == 2);
    CHECK_FALSE(file.owners);
  }

  TEST_CASE("a registry that is not a list says what it must be; an empty one has no entries") {
    const auto map = check::check_owners_file("owners.yaml", "name: Ljungby kommun\n");
    REQUIRE(map.diagnostics.size() == 1);
    CHECK(map.diagnostics[0].code == "not-a-registry");
    const auto empty = check::check_owners_file("owners.yaml", "# nothing yet\n[]\n");
    CHECK(empty.diagnostics.empty());
    REQUIRE(empty.owners);
    CHECK(empty.owners->entries().empty());
    const auto broken = check::check_owners_file("owners.yaml", "- name: [\n");
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].code == "yaml-syntax");
  }

  TEST_CASE("an owner the registry does not know is a warning with a suggestion, at the owners list") {
    auto checked = test::check_text(test::plan_yaml());
    model::Plan plan = checked.plans.front();
    plan.areas[0].activities[0].owners = {"Linneuniversitetet", "Ljungby kommunen"};
    plan.areas[0].activities[0].owners_where = {12, 17, "/areas/0/activities/0/owners"};
    const auto found = check::check_plan_owners(plan, registry());
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "unknown-owner");
    CHECK(found[0].severity == model::Severity::warning);
    CHECK(found[0].location.line == 12);
    CHECK(found[0].message == "1.1: owner \"Ljungby kommunen\" is not in owners.yaml; did you mean \"Ljungby kommun\"?");
  }

  TEST_CASE("the checker warns with the registry and gives the plan canonical names") {
    const auto owners = registry();
    std::string text = test::plan_yaml();
    text.replace(text.find("owners: [Processledarna]"), 24, "owners: [processledarna, Linneuniversitetet, Nämnden]");
    const auto outcome = check::check_text("plans/p.yaml", text, test::schema(), {}, &owners);
    REQUIRE(outcome.diagnostics.size() == 1);
    CHECK(outcome.diagnostics[0].code == "unknown-owner");
    CHECK(outcome.diagnostics[0].location.line == 13);
    REQUIRE(outcome.plan);
    CHECK(outcome.plan->areas[0].activities[0].owners ==
          std::vector<std::string>{"Processledarna", "Linnéuniversitetet", "Nämnden"});
  }
}
