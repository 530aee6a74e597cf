#include "cli/swedish.hpp"

#include "cli/context.hpp"

#include <array>
#include <utility>

namespace bbg::cli {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 50> k_texts{{
    // The program and its global options.
    {"bbg keeps \"Barnens bästa gäller!\" action plans as YAML files in git: it validates them,\n"
     "shows where they stand and what is late, and records progress.",
     "bbg håller handlingsplaner för \"Barnens bästa gäller!\" som YAML-filer i git: det kontrollerar\n"
     "dem, visar läget och vad som är försenat, och för in vad som har gjorts."},
    {"Run 'bbg COMMAND --help' for a command's options. See man bbg.",
     "Kör 'bbg KOMMANDO --help' för ett kommandos flaggor. Se man bbg."},
    {"Print this help message and exit", "Visa den här hjälpen och avsluta"},
    {"Print the version and the commit bbg was built from", "Visa versionen och den commit som bbg byggdes från"},
    {"Plan repository root (default: the first folder upwards with plans/)",
     "Planförrådets rot (standard: den första mappen uppåt som har plans/)"},
    {"Colour: auto (on a terminal, unless NO_COLOR is set), always or never",
     "Färg: auto (i en terminal, om inte NO_COLOR är satt), always eller never"},
    {"Language of labels: en or sv (default: from LANG)", "Språk: en eller sv (standard: bbg.yaml, annars LANG)"},
    {"Never send long output through the pager (default on a terminal: $PAGER, else less -FRX)",
     "Skicka aldrig lång utdata genom bläddraren (standard i en terminal: $PAGER, annars less -FRX)"},
    // The commands.
    {"Parse and validate plan files: YAML, JSON Schema and semantic rules",
     "Läs och kontrollera planfiler: YAML, JSON Schema och innehållsregler"},
    {"Counts per status, overdue and done share, per plan, area or owner",
     "Antal per status, förfallna och andel klara, per plan, område eller ansvarig"},
    {"What is late, most days overdue first", "Vad som är förfallet, flest dagar först"},
    {"Open activities whose follow-up has gone quiet", "Öppna aktiviteter som inte har följts upp på länge"},
    {"One activity with its update history and, if it recurs, its occurrences",
     "En aktivitet med dess historik och, om den återkommer, dess omgångar"},
    {"Record progress: append an update to an activity and set its status",
     "För in vad som har gjorts: lägg till en uppdatering och sätt aktivitetens status"},
    {"Add an activity to an area, or an area to a plan", "Lägg till en aktivitet i ett område, eller ett område i en plan"},
    {"Add an activity at the end of an area", "Lägg till en aktivitet sist i ett område"},
    {"Add a subject area at the end of a plan", "Lägg till ett område sist i en plan"},
    {"Start a new plan file in plans/", "Påbörja en ny planfil i plans/"},
    {"Start a new plan: plans/ID.yaml with the schema modeline and no areas",
     "Påbörja en ny plan: plans/ID.yaml med schemaraden och inga områden"},
    {"Scaffold a plan repository: plans/, the schema, .gitignore, README, CI examples",
     "Lägg upp ett planförråd: plans/, schemat, .gitignore, README, CI-exempel"},
    {"Freeze a quarter's state (from the update logs) in the snapshot database",
     "Frys ett kvartals läge (ur uppdateringarna) i databasen för ögonblicksbilder"},
    {"List the stored snapshots", "Lista de sparade ögonblicksbilderna"},
    {"What changed between two states: stored quarters, now, or git revisions",
     "Vad som ändrats mellan två lägen: sparade kvartal, nu eller git-versioner"},
    {"The quarterly report for the steering group (Markdown or HTML)", "Kvartalsrapporten för styrgruppen (Markdown eller HTML)"},
    {"Deadlines as an iCalendar (.ics) file for Outlook, Google Calendar and Thunderbird",
     "Deadlines som en iCalendar-fil (.ics) för Outlook, Google Kalender och Thunderbird"},
    {"A follow-up form (CSV for Excel) of an owner's open activities and due rounds",
     "Ett uppföljningsformulär (CSV för Excel) med en ansvarigs öppna aktiviteter och omgångar"},
    {"Record a filled-in follow-up form (bbg followup) as updates, all or nothing",
     "För in ett ifyllt uppföljningsformulär (bbg followup) som uppdateringar, allt eller inget"},
    {"List commands or flags for shell completion", "Lista kommandon eller flaggor för skalets komplettering"},
    // The shared flags (cli/options.cpp).
    {"Report the state on this date (YYYY-MM-DD), computed from the update logs; default today",
     "Läget detta datum (ÅÅÅÅ-MM-DD), beräknat ur uppdateringarna; standard i dag"},
    {"Output format: table (default), json, csv or markdown", "Format: table (standard), json, csv eller markdown"},
    {"Only this plan (its id)", "Bara denna plan (dess id)"},
    {"Only activities with this owner, by any name owners.yaml gives it (case and accents do not matter); "
     "default: bbg.yaml's owner; --owner '' shows everyone's",
     "Bara aktiviteter med denna ansvariga, med vilket namn som helst som owners.yaml ger (skiftläge och "
     "accenter spelar ingen roll); standard: bbg.yamls owner; --owner '' visar allas"},
    {"CSV field separator: ',', ';' or a tab (default: bbg.yaml's csv_separator, else ';' in Swedish for Excel with a "
     "Swedish locale, ',' in English)",
     "Fältavgränsare i CSV: ',', ';' eller tabb (standard: bbg.yamls csv_separator, annars ';' på svenska som "
     "svenska Excel läser, ',' på engelska)"},
    {"Start CSV output with a UTF-8 byte order mark, so that Excel reads å, ä, ö right (default: bbg.yaml's csv_bom, "
     "else on in Swedish, off in English)",
     "Börja CSV med en UTF-8-BOM så att Excel läser å, ä, ö rätt (standard: bbg.yamls csv_bom, annars på svenska "
     "ja, på engelska nej)"},
    {"Leave out plan files that fail bbg check instead of stopping",
     "Hoppa över planfiler som inte klarar bbg check i stället för att stanna"},
    {"Read and check every plan file again instead of using the check cache",
     "Läs och kontrollera alla planfiler igen i stället för att använda cachen"},
    {"Snapshot database (default: $BBG_DB, else .bbg/bbg.db)", "Databasen för ögonblicksbilder (standard: $BBG_DB, annars .bbg/bbg.db)"},
    {"Who records it (default: bbg.yaml's by, else git config user.name)",
     "Vem som för in det (standard: bbg.yamls by, annars git config user.name)"},
    {"New status: planned, in_progress, done, delayed or cancelled, or as the tables show them (in progress; planerad, "
     "pågår, klar, försenad, avbruten), in any case",
     "Ny status: planerad, pågår, klar, försenad eller avbruten (eller planned, in_progress, done, delayed, "
     "cancelled), i valfritt skiftläge"},
    {"What happened", "Vad som har hänt"},
    {"Print the diff that would be applied and write nothing", "Visa ändringen som skulle göras och skriv ingenting"},
    {"Write to FILE (atomically) instead of standard output", "Skriv till FIL (atomärt) i stället för standard ut"},
    {"Write to FILE.ics (atomically) instead of standard output", "Skriv till FIL.ics (atomärt) i stället för standard ut"},
    {"Write the form to FILE (atomically) instead of standard output",
     "Skriv formuläret till FIL (atomärt) i stället för standard ut"},
    {"What is open on this date (YYYY-MM-DD); default today", "Vad som är öppet detta datum (ÅÅÅÅ-MM-DD); standard i dag"},
    {"The filled-in form (CSV)", "Det ifyllda formuläret (CSV)"},
    {"Replace FILE when it exists (it may be a form filled in already)",
     "Ersätt FIL om den finns (den kan vara ett formulär som redan är ifyllt)"},
    {"PLAN/ACTIVITY, or the activity id alone when it is unique", "PLAN/AKTIVITET, eller bara aktivitetens id när det är unikt"},
    {"Exit 1 when anything is overdue (for CI jobs that should go red); bbg.yaml's owner filter does not apply",
     "Avsluta med 1 när något är förfallet (för CI-jobb som ska bli röda); bbg.yamls owner gäller inte"},
    {"Date of the update (YYYY-MM-DD); default today; not before the last update (the check refuses that)",
     "Uppdateringens datum (ÅÅÅÅ-MM-DD); standard i dag; inte före den senaste uppdateringen"},
}};

void translate(CLI::App& app) {
  if (const char* sv = swedish_description(app.get_description())) app.description(sv);
  if (const char* sv = swedish_description(app.get_footer())) app.footer(sv);
  for (CLI::Option* option : app.get_options()) {
    if (const char* sv = swedish_description(option->get_description())) option->description(sv);
    if (option->get_group() == "Options") option->group("Flaggor");
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) sub->group("Kommandon");  // an empty group is hidden (__complete)
    translate(*sub);
  }
}

}  // namespace

bool help_in_swedish(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return std::string_view(argv[i + 1]) == "sv";
    if (arg.substr(0, 7) == "--lang=") return arg.substr(7) == "sv";
  }
  return locale_is_swedish();
}

const char* swedish_description(std::string_view english) {
  for (const auto& [en, sv] : k_texts) {
    if (en == english) return sv;
  }
  return nullptr;
}

void translate_help(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Användning");
  formatter->label("OPTIONS", "FLAGGOR");
  formatter->label("SUBCOMMAND", "KOMMANDO");
  formatter->label("Positionals", "Argument");
  formatter->label("REQUIRED", "KRÄVS");
  translate(app);
}

std::string swedish_parse_error(const std::string& message) {
  const std::pair<std::string_view, std::string_view> prefixes[] = {
      {"The following arguments were not expected: ", "Dessa argument väntades inte: "},
      {"The following argument was not expected: ", "Detta argument väntades inte: "},
      {"unknown command ", "okänt kommando "},
  };
  for (const auto& [en, sv] : prefixes) {
    if (message.rfind(en, 0) == 0) {
      std::string out = std::string(sv) + message.substr(en.size());
      const auto guess = out.find("; did you mean ");
      if (guess != std::string::npos) out.replace(guess, 15, "; menade du ");
      return out;
    }
  }
  constexpr std::string_view required = " is required";
  if (message.size() > required.size() && message.compare(message.size() - required.size(), required.size(), required) == 0) {
    return message.substr(0, message.size() - required.size()) + " krävs";
  }
  return message;
}

}  // namespace bbg::cli
