#!/usr/bin/python3
"""Write a synthetic national corpus of bbg plan files for the benchmark.

    generate.py OUT_DIR N [--seed S]

writes N plan files to OUT_DIR/plans/ (the folder is created; files of an earlier run with
the same names are overwritten, other files are left alone). The files are shaped like the
bundled plans in plans/: Swedish text, about 6 areas x 6 activities, 2-4 updates per
activity, deadlines in all four forms, some recurring activities, quoted ids, block style,
10-25 KB each (about 21 KB on average). The first file of every block of 14 is a county
plan; about one municipal plan in ten has `parent` pointing at the county plan of its
block. Every file passes `bbg check --strict` with the rest of the corpus.

Output is a pure function of (N, seed): file i depends only on (seed, i), so the first ten
files of a 290-file corpus are the files of a 10-file corpus. Only the standard library.
"""

import argparse
import datetime
import os
import random
import sys

MIN_BYTES = 10_000
MAX_BYTES = 25_000

COUNTIES = [
    ("Stockholm", "Stockholms län"), ("Uppsala", "Uppsala län"), ("Södermanland", "Södermanlands län"),
    ("Östergötland", "Östergötlands län"), ("Jönköping", "Jönköpings län"), ("Kronoberg", "Kronobergs län"),
    ("Kalmar", "Kalmar län"), ("Gotland", "Gotlands län"), ("Blekinge", "Blekinge län"),
    ("Skåne", "Skåne län"), ("Halland", "Hallands län"), ("Västra Götaland", "Västra Götalands län"),
    ("Värmland", "Värmlands län"), ("Örebro", "Örebro län"), ("Västmanland", "Västmanlands län"),
    ("Dalarna", "Dalarnas län"), ("Gävleborg", "Gävleborgs län"), ("Västernorrland", "Västernorrlands län"),
    ("Jämtland", "Jämtlands län"), ("Västerbotten", "Västerbottens län"), ("Norrbotten", "Norrbottens län"),
]

PLACE_HEAD = ["Norr", "Söder", "Öster", "Väster", "Ny", "Gamla", "Stor", "Lill", "Ek", "Björk", "Gran",
              "Tall", "Sjö", "Älv", "Berg", "Dal", "Ås", "Hög", "Lind", "Al", "Ask", "Ström", "Mal",
              "Hag", "Fors", "Rönn", "Sand", "Sten", "Kvarn", "Mo", "Vall", "Torp"]
PLACE_TAIL = ["by", "köping", "hamn", "torp", "vik", "berg", "dal", "holm", "ås", "stad", "sund",
              "näs", "fors", "ryd", "hult", "inge", "måla", "löv", "mark", "bro"]

PLAN_TOPICS = [
    ("Handlingsplan för Barnens bästa gäller!", "bbg"),
    ("Plan för handling – Barn och unga", "barn-och-unga"),
    ("Samverkansplan för tidiga insatser", "tidiga-insatser"),
    ("Verksamhetsplan Allas barn", "allas-barn"),
    ("Handlingsplan för barns och ungas uppväxtvillkor", "uppvaxtvillkor"),
    ("Gemensam handlingsplan för barn och unga i behov av samordnat stöd", "samordnat-stod"),
    ("Plan för främjande och förebyggande arbete", "framjande"),
]

VERBS = ["Ta fram", "Utveckla", "Genomföra", "Kartlägga", "Samordna", "Införa", "Utvärdera", "Stärka",
         "Förankra", "Sprida", "Följa upp", "Säkerställa", "Inventera", "Implementera", "Pröva",
         "Etablera", "Förbättra", "Bygga upp", "Revidera", "Analysera"]
OBJECTS = ["en gemensam rutin för tidiga insatser", "barnets plan och tillhörande dokument",
           "samverkansstrukturen mellan skola och socialtjänst", "föräldrastödsprogram för alla åldrar",
           "en länsgemensam praxismodell", "elevhälsans förebyggande arbete", "en digital plattform för samverkan",
           "kompetensutveckling om barnkonventionen", "arbetet med skolnärvaro", "stödet till familjer i kris",
           "öppna mötesplatser för unga", "fritidsverksamhet för barn med funktionsnedsättning",
           "barnkonsekvensanalyser vid politiska beslut", "rutiner för orosanmälningar",
           "en lokal modell för samordnad individuell plan", "samarbetet med civilsamhället",
           "hälsosamtal i förskola och skola", "uppsökande verksamhet för unga som varken arbetar eller studerar",
           "det våldsförebyggande arbetet", "nyckeltal för uppföljning av barns välmående",
           "delaktighet för barn och vårdnadshavare", "en gemensam utbildningsplan för personal",
           "insatser för barn i familjer med missbruk", "språkutvecklande arbete i förskolan"]
QUALIFIERS = ["i samverkan med regionen", "för barn i förskoleåldern", "inom elevhälsan", "på lokal nivå",
              "i hela länet", "tillsammans med vårdnadshavare", "för unga i åldern 13 till 19 år",
              "med stöd av forskare vid universitetet", "i alla kommunens verksamheter",
              "utifrån Barnens bästa-hjulet", "med fokus på de mest utsatta barnen", "inom ramen för styrgruppens uppdrag",
              "enligt barnkonventionen", "i nära dialog med barnen själva", "med gemensamma verktyg"]

OWNERS = ["Processledarna", "Styrgruppen", "Socialtjänsten", "Barn- och utbildningsförvaltningen",
          "Kultur- och fritidsförvaltningen", "Elevhälsan", "Familjecentralen", "Barn- och ungdomspsykiatrin",
          "Vårdcentralerna", "Tvärgrupp barn och unga", "Folkhälsosamordnaren", "Fritidsgårdarna",
          "Förskolechefsgruppen", "Rektorsgruppen", "Individ- och familjeomsorgen", "Polisen i lokalområdet",
          "Kommunledningsförvaltningen", "Linnéuniversitetet", "Barnhälsovården", "Ungdomsmottagningen",
          "Socialförvaltningen", "Kvalitetsstrategen", "Samverkansgruppen", "Räddningstjänsten"]

AREA_TITLES = ["Samverkansstruktur och modell", "Styrning och ledning", "Invånar- och brukarnivå",
               "Tidiga insatser", "Utbildning och kompetensutveckling", "Uppföljning och utvärdering",
               "Trygghet och hälsa", "Lärande och utveckling", "Delaktighet och inflytande", "Föräldrastöd",
               "Fritid och kultur", "Digitalisering och informationsdelning", "Kommunikation",
               "Forskning och följeforskning"]

FOLLOW_UPS = ["Utvärderas årligen och redovisas till styrgruppen i december",
              "Följs upp kontinuerligt av processledarna", "Enkätundersökning årligen",
              "Redovisas i verksamhetsberättelsen", "Uppföljning vid varje styrgruppsmöte",
              "Utvärderas efter testperioden och sedan kontinuerligt", "Kvartalsvis avstämning i tvärgruppen",
              "Följs upp med nyckeltal från Kolada", "Delårsuppföljning i augusti och helårsuppföljning i februari",
              "Redovisas till nämnden två gånger per år"]

NOTE_FRAGMENTS = ["Arbetet bygger på erfarenheterna från förra planperioden",
                  "Aktiviteten har flyttats från den tidigare planen", "Finansiering sker inom befintlig ram",
                  "Styrgruppen har beslutat om en förlängd tidsplan", "Ett underlag tas fram inför nästa revidering",
                  "Barnens synpunkter samlas in via elevråden", "Resultatet presenteras på länsträffen",
                  "Aktiviteten samordnas med regionens folkhälsoarbete", "Uppdraget har förtydligats under året",
                  "Personalomsättning har försenat arbetet", "Dialog pågår med berörda huvudmän",
                  "Arbetet följer den nationella vägledningen", "En arbetsgrupp har tillsatts med representanter från alla sektorer",
                  "Medel har sökts från länsstyrelsen", "Utfallet redovisas i årsrapporten"]

UPDATE_NOTES = ["Arbetet har påbörjats", "Arbetsgruppen har haft sitt första möte", "Förslag finns framtaget",
                "Försenat på grund av personalbrist", "Genomfört enligt plan", "Utbildningen har genomförts i tre omgångar",
                "Rutinen är beslutad i styrgruppen", "Inte gjorts", "Pilotprojekt pågår i två skolområden",
                "Avslutat, ersätts av ny aktivitet", "Enkäten är skickad till alla vårdnadshavare",
                "Delrapport lämnad till nämnden", "Väntar på beslut om finansiering", "Genomförd och utvärderad",
                "Nulägesanalysen är klar"]

FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Anders", "Eva", "Per", "Lena",
               "Mikael", "Åsa", "Björn", "Ingrid", "Göran", "Sofia", "Magnus", "Elin", "Jörgen"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
              "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Lindqvist", "Bergström", "Håkansson", "Öberg"]

WELLBEING = ["safety", "health", "development", "learning", "care", "home_environment", "relationships"]
WORK_TYPES = ["promotive", "preventive", "remedial"]
MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
               "oktober", "november", "december"]
INDICATORS = [("N15419", "Andel elever i årskurs 9 som är behöriga till gymnasiet"),
              ("N15033", "Andel elever i årskurs 6 med lägst betyget E i alla ämnen"),
              ("U33400", "Invånare 0-20 år med insats inom öppenvården"),
              ("N17461", "Barn som lever i ekonomiskt utsatta hushåll"),
              ("N11805", "Andel barn i förskola av alla inskrivna"),
              ("U07460", "Andel ungdomar som upplever sig trygga i skolan")]


def slug(text):
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o", " ": "-"})
    out = "".join(c for c in text.lower().translate(table) if c.isalnum() or c == "-")
    return "-".join(part for part in out.split("-") if part)


def folded(key, text, indent):
    """A `key: >-` block whose lines are wrapped at about 90 columns."""
    pad = " " * (indent + 2)
    lines, line = [], ""
    for word in text.split():
        if line and len(pad) + len(line) + 1 + len(word) > 90:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(pad + line)
    return [" " * indent + f"{key}: >-"] + lines


def scalar(key, text, indent, rng):
    """A one-line value: plain most of the time, sometimes double-quoted; long ones folded."""
    if len(text) > 110:
        return folded(key, text, indent)
    if rng.random() < 0.15:
        return [" " * indent + f'{key}: "{text}"']
    return [" " * indent + f"{key}: {text}"]


def sentence(rng, n_min=1, n_max=3):
    return ". ".join(rng.sample(NOTE_FRAGMENTS, rng.randint(n_min, n_max))) + "."


def person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def deadline_text(rng, year, form):
    """A deadline in one of the four forms, inside `year`; returns (text, first day, last day)."""
    if form == "year":
        return str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if form == "quarter":
        q = rng.randint(1, 4)
        first = datetime.date(year, 3 * q - 2, 1)
        last = datetime.date(year + 1, 1, 1) - datetime.timedelta(days=1) if q == 4 else \
            datetime.date(year, 3 * q + 1, 1) - datetime.timedelta(days=1)
        return f"{year}-Q{q}", first, last
    if form == "month":
        m = rng.randint(1, 12)
        last = (datetime.date(year + 1, 1, 1) if m == 12 else datetime.date(year, m + 1, 1)) - datetime.timedelta(days=1)
        return f"{year}-{m:02d}", datetime.date(year, m, 1), last
    day = random_day(rng, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return day.isoformat(), day, day


def month_end(year, month):
    return (datetime.date(year + 1, 1, 1) if month == 12 else datetime.date(year, month + 1, 1)) - datetime.timedelta(days=1)


def status_chain(rng, count, recurring):
    if recurring:
        return ["in_progress"] + ["done"] * (count - 1)
    final = rng.choices(["done", "in_progress", "delayed", "planned", "cancelled"], [35, 30, 15, 8, 12])[0]
    chain = [rng.choice(["planned", "in_progress", "in_progress", "delayed"]) for _ in range(count - 1)]
    return chain + [final]


def activity_lines(rng, area_id, number, period, size_hint):
    """The lines of one activity (indent 6), inside `period` = (start date, end date)."""
    p_start, p_end = period
    y0, y1 = p_start.year, p_end.year
    ind = " " * 8
    out = [f'      - id: "{area_id}.{number}"']
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.4:
        title += f" {rng.choice(QUALIFIERS)}"
    if size_hint > 0 and rng.random() < 0.5:
        title += f" samt {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)}"
    out += scalar("title", title, 8, rng)
    owners = rng.sample(OWNERS, rng.choice([1, 1, 2, 2, 3]))
    out.append(ind + "owners:")
    out += [ind + f"  - {o}" for o in owners]
    if len(owners) > 1 and rng.random() < 0.3 + 0.1 * size_hint:
        out += scalar("owners_text", f"{owners[0]} i samverkan med " + " och ".join(o.lower() for o in owners[1:]), 8, rng)

    recurring = rng.random() < 0.12
    round_months = []
    if recurring:
        kind = rng.choice(["yearly", "yearly", "quarterly"])
        out.append(ind + f"recurs: {kind}")
        round_months = [3, 6, 9, 12]
        if kind == "yearly":
            months = sorted(rng.sample(range(1, 13), rng.randint(1, 2)))
            round_months = months
            out.append(ind + "months:")
            out += [ind + f"  - {m}" for m in months]
            out.append(ind + "due_text: Årligen i " + " och ".join(MONTH_NAMES[m - 1] for m in months))
        else:
            out.append(ind + "due_text: Varje kvartal")
    else:
        due_year = rng.randint(y0, y1)
        form = rng.choice(["year", "quarter", "month", "day"])
        due, _, _ = deadline_text(rng, due_year, form)
        if due_year > y0 and rng.random() < 0.45:
            start_year = rng.randint(y0, due_year - 1)
            start, _, _ = deadline_text(rng, start_year, rng.choice(["year", "quarter"]))
            out.append(ind + f"start: {start}")
            out.append(ind + f"due: {due}")
            out.append(ind + f"due_text: {start.replace('-', ' ')} – {due}")
        else:
            out.append(ind + f"due: {due}")
    if rng.random() < 0.55 + 0.15 * size_hint:
        out += scalar("follow_up", rng.choice(FOLLOW_UPS), 8, rng)
    if rng.random() < 0.4:
        out.append(ind + f"work_type: {rng.choice(WORK_TYPES)}")
    if rng.random() < 0.2 + 0.1 * size_hint:
        out.append(ind + "wellbeing_areas:")
        out += [ind + f"  - {w}" for w in rng.sample(WELLBEING, rng.randint(1, 3))]
    if rng.random() < 0.1:
        out.append(ind + f"financing: {rng.choice(['Inom befintlig ram', 'Statsbidrag', 'Medel från länsstyrelsen', 'Gemensam budget för samverkan'])}")

    count = rng.choice([2, 2, 2, 3, 3, 4])
    statuses = status_chain(rng, count, recurring)
    days = sorted(rng.sample(range((p_end - p_start).days + 1), count))
    final = statuses[-1]
    if recurring and final == "done":
        # A done update closes its own round; the activity is done only when the period's last
        # round is (a done dated after the deadline before the last belongs to the last round).
        dues = [month_end(y, m) for y in range(y0, y1 + 1) for m in round_months if p_start <= month_end(y, m) <= p_end]
        last_day = p_start + datetime.timedelta(days=days[-1])
        if not dues or (len(dues) >= 2 and last_day <= dues[-2]):
            final = "in_progress"
    out.append(ind + f"status: {final}")
    if rng.random() < 0.3 + 0.15 * size_hint:
        out += folded("notes", sentence(rng, 1, 3 + max(size_hint, 0)), 8)
    out.append(ind + "updates:")
    for day, status in zip(days, statuses):
        out.append(ind + f"  - date: {(p_start + datetime.timedelta(days=day)).isoformat()}")
        out.append(ind + f"    status: {status}")
        if rng.random() < 0.55 + 0.15 * size_hint:
            out += scalar("note", rng.choice(UPDATE_NOTES), 12, rng)
        if rng.random() < 0.25:
            out.append(ind + f"    by: {person(rng)}")
    return out


def plan_text(seed, index, size_hint=0, variant=0):
    rng = random.Random(f"bbg-bench:{seed}:{index}:{size_hint}:{variant}")
    block, pos = divmod(index, 14)
    county_name, county_full = COUNTIES[block % len(COUNTIES)]
    y0 = rng.randint(2017, 2023)
    y1 = y0 + rng.randint(2, 4)
    period = (datetime.date(y0, 1, 1), datetime.date(y1, 12, 31))
    county_id = f"{slug(county_name)}-lan-{index - pos:04d}"
    parent = None
    if pos == 0:
        level, org = "county", f"Region {county_name} och {county_full}s kommuner"
        title, plan_id = f"Länsgemensam handlingsplan för Barnens bästa gäller! i {county_full} {y0}–{y1}", county_id
    else:
        place = rng.choice(PLACE_HEAD) + rng.choice(PLACE_TAIL)
        topic, topic_slug = rng.choice(PLAN_TOPICS)
        kind = rng.random()
        if kind < 0.08:
            level, org = "region", f"Region {county_name}"
            place = county_name
        elif kind < 0.15:
            level, org = "organisation", f"{place} skolförbund"
        else:
            level, org = "municipality", f"{place} kommun"
        title = f"{topic} {place} {y0}–{y1}"
        plan_id = f"{slug(place)}-{topic_slug}-{y0}-{y1}-{index:04d}"
        if level == "municipality" and rng.random() < 0.1:
            parent = county_id

    L = ["# yaml-language-server: $schema=../schemas/plan.schema.json",
         f"# Syntetisk plan nummer {index} (seed {seed}) för bbg:s prestandamätning, skriven av",
         "# bench/generate.py. Texten är sammansatt ur ordlistor och beskriver ingen verklig plan.",
         f"# Planen gäller {org}, perioden {y0}–{y1}.",
         "schema_version: 1",
         f"id: {plan_id}"]
    L += scalar("title", title, 0, rng)
    L += [f"level: {level}", f"organisation: {org}", f"parent: {parent if parent else 'null'}",
          "period:", f"  start: {period[0].isoformat()}", f"  end: {period[1].isoformat()}",
          f"version: {rng.randint(1, 4)}", "adopted:",
          f"  by: {rng.choice(['Styrgruppen', 'Kommunfullmäktige', 'Kommunstyrelsen', 'Regionstyrelsen', 'Socialnämnden'])}",
          f"  date: {random_day(rng, datetime.date(y0 - 1, 9, 1), datetime.date(y0, 3, 31)).isoformat()}"]
    revs = sorted(random_day(rng, period[0], period[1]) for _ in range(rng.randint(0, 3)))
    if revs:
        L.append("revisions:")
        L += [f"  - {d.isoformat()}" for d in revs]
    L += [f"review_by: {period[1].isoformat()}",
          f"prepared_by: {rng.choice(['Samverkansgruppen', 'Processledarna', 'Styrgruppen', 'Folkhälsorådet'])}",
          f"document_owner: {rng.choice(['Kommunledningsförvaltningen', 'Socialförvaltningen', 'Regionkansliet'])}",
          f'source: "syntetisk-{seed}-{index:05d}.txt"']
    L += folded("vision", f"Alla barn och unga i {org.split(' och ')[0]} ska ha en god och trygg uppväxt. "
                + sentence(rng, 1, 2), 0)
    L.append("goals:")
    for _ in range(rng.randint(2, 4)):
        goal = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}. {sentence(rng, 1, 2)}"
        L += ["  - >-"] + folded("x", goal, 2)[1:]
    L.append("global_goals:")
    L += [f"  - {g}" for g in sorted(rng.sample(range(1, 18), rng.randint(2, 6)))]
    L.append("wellbeing_areas:")
    L += [f"  - {w}" for w in rng.sample(WELLBEING, rng.randint(3, 7))]
    L.append("work_types:")
    L += [f"  - {w}" for w in rng.sample(WORK_TYPES, rng.randint(1, 3))]
    L += folded("follow_up", f"{rng.choice(FOLLOW_UPS)}. {sentence(rng, 1, 2)}", 0)
    L.append("indicators:")
    for key, name in rng.sample(INDICATORS, rng.randint(1, 3)):
        L += [f"  - id: {key}", f"    title: {name}", "    kind: indicator", "    source: Kolada"]
    L += ["  - title: Barn- och ungdomsenkäten", "    kind: survey", f"    source: Region {county_name}",
          "    frequency_text: var tredje år"]
    L += ["notes: |"] + folded("x", sentence(rng, 2, 4), 0)[1:]

    L.append("areas:")
    n_areas = rng.choice([4, 5, 6, 6, 6, 7])
    for a, area_title in enumerate(rng.sample(AREA_TITLES, n_areas), start=1):
        L += [f'  - id: "{a}"', f"    title: {area_title}"]
        if rng.random() < 0.5:
            L += folded("description", f"Området omfattar arbetet med att {rng.choice(VERBS).lower()} "
                        f"{rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}. {sentence(rng, 1, 2)}", 4)
        if rng.random() < 0.4:
            L.append("    wellbeing_areas:")
            L += [f"      - {w}" for w in rng.sample(WELLBEING, rng.randint(1, 3))]
        L.append("    activities:")
        for n in range(1, rng.choice([4, 5, 6, 6, 6, 7]) + 1):
            if n > 1:
                L.append("")
            L += activity_lines(rng, str(a), n, period, size_hint)
        L.append("")
    return "\n".join(L).rstrip("\n") + "\n"


def sized_plan(seed, index):
    """A plan of 10-25 KB: shrink or grow the free text deterministically until it fits."""
    for variant in range(50):   # variant > 0 is rare: a different draw of the same plan
        for hint in (0, -1, -2, -3, 1, 2):
            text = plan_text(seed, index, hint, variant)
            if MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES:
                return text
    raise SystemExit(f"generate.py: could not size plan {index} into {MIN_BYTES}-{MAX_BYTES} bytes")


def main():
    parser = argparse.ArgumentParser(description="Write N synthetic plan files to OUT_DIR/plans/.")
    parser.add_argument("out_dir")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    plans = os.path.join(args.out_dir, "plans")
    os.makedirs(plans, exist_ok=True)
    total = 0
    for i in range(args.n):
        text = sized_plan(args.seed, i).encode("utf-8")
        with open(os.path.join(plans, f"plan-{i:05d}.yaml"), "wb") as f:
            f.write(text)
        total += len(text)
    print(f"wrote {args.n} plan files, {total} bytes, to {plans}", file=sys.stderr)


if __name__ == "__main__":
    main()
