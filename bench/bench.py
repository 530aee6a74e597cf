#!/usr/bin/python3
"""The benchmark proper, driven by bench/run.sh (which installs and builds what it needs).

    bench.py --bbg BBG --scan SCAN --timerun TIMERUN [--seed S] [--command TEXT] SIZE...

For each SIZE: generate a corpus once (bench/generate.py) into a temporary folder, then time
every tool on that same corpus: one warm-up run (discarded), then the median of 5 runs (3 for
1,000 files or more). Wall time is a monotonic clock around spawn and wait; peak memory is
the child's ru_maxrss from wait4() (what /usr/bin/time reports as %M); both are taken by
bench/timerun.cpp. Prints one table per size, the start-up table and the targets of issues 7
and 12 as PASS/FAIL lines, and writes all of it to bench/results.md. Only the standard library.
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
SCHEMA = os.path.join(REPO, "schemas", "plan.schema.json")
PYTHON = "/usr/bin/python3"
AJV_CLI = os.path.join(BENCH, "node_modules_dir", "node_modules", ".bin", "ajv")
TODAY = "2024-06-30"   # BBG_TODAY for status/overdue: the same answer on every run
STARTUP_RUNS = 50
ENV = dict(os.environ, BBG_TODAY=TODAY, NO_COLOR="1", COLUMNS="120", LC_ALL="C.UTF-8")


TIMERUN = None   # set from --timerun


def run_once(argv, cwd):
    """(wall seconds, peak RSS bytes, exit status) of one run, output to /dev/null.

    bench/timerun.cpp spawns the command and reports its wall time (monotonic clock around
    spawn + wait4) and ru_maxrss; see there why not from Python or through /usr/bin/time.
    """
    out = subprocess.run([TIMERUN, *argv], cwd=cwd, env=ENV, stdin=subprocess.DEVNULL, capture_output=True,
                         text=True)
    if out.returncode != 0:
        sys.exit(f"bench.py: timerun failed on {argv[0]}: {out.stderr.strip()}")
    wall, rss_kib, code = out.stdout.split()
    return float(wall), int(rss_kib) * 1024, int(code)


class Result:
    def __init__(self, name, argv, walls, rsss, codes, note=""):
        self.name, self.argv, self.note = name, argv, note
        self.walls, self.rsss, self.codes = walls, rsss, codes

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def rss(self):
        return max(self.rsss)

    @property
    def failed(self):
        return any(self.codes)


def measure(name, argv, cwd, runs, before=None, note=""):
    """One discarded warm-up, then `runs` timed runs; `before()` (untimed) precedes each."""
    walls, rsss, codes = [], [], []
    for i in range(runs + 1):
        if before:
            before()
        wall, rss, code = run_once(argv, cwd)
        if i:
            walls.append(wall)
            rsss.append(rss)
            codes.append(code)
    result = Result(name, argv, walls, rsss, codes, note)
    flag = f"  EXIT {sorted(set(codes))}" if result.failed else ""
    print(f"  {name:<38} {result.median:8.3f} s  {result.rss / 1e6:7.1f} MB{flag}", file=sys.stderr, flush=True)
    return result


def measure_pair(first_name, second_name, argv, cwd, runs, reset):
    """The cold-then-warm cache pair: reset(); run (first); run again (second); per repetition."""
    firsts, seconds = ([], [], []), ([], [], [])
    for i in range(runs + 1):
        reset()
        a = run_once(argv, cwd)
        b = run_once(argv, cwd)
        if i:
            for store, sample in ((firsts, a), (seconds, b)):
                for column, value in zip(store, sample):
                    column.append(value)
    out = []
    for name, (walls, rsss, codes) in ((first_name, firsts), (second_name, seconds)):
        r = Result(name, argv, walls, rsss, codes)
        flag = f"  EXIT {sorted(set(codes))}" if r.failed else ""
        print(f"  {name:<38} {r.median:8.3f} s  {r.rss / 1e6:7.1f} MB{flag}", file=sys.stderr, flush=True)
        out.append(r)
    return out


def has_python_modules():
    code = "import yaml, jsonschema"
    return subprocess.run([PYTHON, "-c", code], capture_output=True).returncode == 0


def corpus_bytes(plans):
    return sum(os.path.getsize(os.path.join(plans, n)) for n in os.listdir(plans) if n.endswith(".yaml"))


def first_activity(plans):
    """(plan id, activity id) of the first plan file's first activity, for the update line."""
    first = sorted(n for n in os.listdir(plans) if n.endswith(".yaml"))[0]
    plan = activity = None
    with open(os.path.join(plans, first), encoding="utf-8") as f:
        for row in f:
            if plan is None and row.startswith("id:"):
                plan = row.split(":", 1)[1].strip()
            elif activity is None and row.strip().startswith("- id:") and row.startswith("      "):
                activity = row.split(":", 1)[1].strip().strip('"')
    return plan, activity


def measure_update(argv_of, cwd, runs, warm):
    """bbg update of one activity with the cache warm: `warm()` (an untimed bbg check) before
    each run; each run records a new update, a day after the last, so every run succeeds."""
    walls, rsss, codes = [], [], []
    for i in range(runs + 1):
        warm()
        wall, rss, code = run_once(argv_of(i), cwd)
        if i:
            walls.append(wall)
            rsss.append(rss)
            codes.append(code)
    result = Result("bbg update PLAN/ACTIVITY (cache warm)", argv_of(0), walls, rsss, codes)
    flag = f"  EXIT {sorted(set(codes))}" if result.failed else ""
    print(f"  {result.name:<38} {result.median:8.3f} s  {result.rss / 1e6:7.1f} MB{flag}", file=sys.stderr, flush=True)
    return result


def bench_size(size, args, caps, notes):
    runs = 3 if size >= 1000 else 5
    root = tempfile.mkdtemp(prefix=f"bbg-bench-{size}-")
    try:
        t0 = time.perf_counter()
        subprocess.run([PYTHON, os.path.join(BENCH, "generate.py"), root, str(size), "--seed", str(args.seed)],
                       check=True, capture_output=True)
        gen_s = time.perf_counter() - t0
        plans = os.path.join(root, "plans")
        files = sorted(os.path.join(plans, n) for n in os.listdir(plans) if n.endswith(".yaml"))
        nbytes = corpus_bytes(plans)
        # bbg's check cache for this corpus, outside it (bbg never uses a cache inside a repository).
        cache_dir = tempfile.mkdtemp(prefix=f"bbg-bench-cache-{size}-")
        ENV["BBG_CACHE_DIR"] = cache_dir
        print(f"\n== {size} files, {nbytes / 1e6:.2f} MB (generated in {gen_s:.1f} s, {root}); "
              f"median of {runs} runs after 1 warm-up", file=sys.stderr, flush=True)

        strict = subprocess.run([args.bbg, "check", "--strict", "--no-cache"], cwd=root, env=ENV, capture_output=True)
        if strict.returncode != 0:
            sys.exit(f"bench.py: the generated corpus fails bbg check --strict (exit {strict.returncode}):\n"
                     + strict.stdout.decode(errors="replace")[-3000:])

        reset = lambda: shutil.rmtree(cache_dir, ignore_errors=True)   # noqa: E731
        bbg = args.bbg
        results = {}
        results["check"] = measure("bbg check --no-cache", [bbg, "check", "--no-cache"], root, runs)
        results["check_cold"], results["check_warm"] = measure_pair(
            "bbg check (1st run: writes the cache)", "bbg check (2nd run: nothing changed)", [bbg, "check"], root,
            runs, reset)
        results["status"] = measure("bbg status --no-cache", [bbg, "status", "--no-cache"], root, runs)
        results["overdue"] = measure("bbg overdue --no-cache", [bbg, "overdue", "--no-cache"], root, runs)
        results["status_warm"] = measure("bbg status (cache warm)", [bbg, "status"], root, runs)
        results["overdue_warm"] = measure("bbg overdue (cache warm)", [bbg, "overdue"], root, runs)
        plan, activity = first_activity(plans)
        results["update"] = measure_update(
            lambda i: [bbg, "update", f"{plan}/{activity}", "-s", "in_progress", "--date", f"2099-01-{i + 1:02d}",
                       "--note", "bench"],
            root, runs, lambda: run_once([bbg, "check"], root))
        results["cat"] = measure("cat (I/O floor)", ["cat", *files], root, runs)
        results["scan1"] = measure("libfyaml event scan, 1 process", [args.scan, plans], root, runs)
        results["scan2"] = measure("libfyaml event scan, 2 processes (floor)", [args.scan, "-j", "2", plans], root, runs)
        if caps["ajv_cli"]:
            quoted = os.path.join(root, "ajv-quoted")
            subprocess.run([PYTHON, os.path.join(BENCH, "quote_dates.py"), plans, quoted], check=True,
                           capture_output=True)
            results["ajv_cli"] = measure("ajv-cli (dates quoted, untimed prep)",
                                         [AJV_CLI, "validate", "-s", SCHEMA, "-d", os.path.join(quoted, "*.yaml")],
                                         root, runs)
        if caps["node"]:
            results["ajv_node"] = measure("ajv (node) + js-yaml CORE_SCHEMA",
                                          ["node", os.path.join(BENCH, "ajv_check.js"), SCHEMA, plans], root, runs)
        if caps["python"]:
            results["py"] = measure("python jsonschema + PyYAML",
                                    [PYTHON, os.path.join(BENCH, "py_check.py"), SCHEMA, plans], root, runs)
            results["py_c"] = measure("python jsonschema + PyYAML (libyaml)",
                                      [PYTHON, os.path.join(BENCH, "py_check.py"), "--loader", "c", SCHEMA, plans],
                                      root, runs)
        for key, r in results.items():
            if r.failed:
                notes.append(f"{size} files: `{r.name}` exited {sorted(set(r.codes))}; its time is not a clean run.")
        return {"size": size, "bytes": nbytes, "runs": runs, "results": results}
    finally:
        shutil.rmtree(ENV.pop("BBG_CACHE_DIR", ""), ignore_errors=True)
        if args.keep:
            print(f"  (corpus kept in {root})", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def bench_startup(args):
    """bbg --version and bbg status on a copy of the bundled plans, STARTUP_RUNS runs each."""
    root = tempfile.mkdtemp(prefix="bbg-bench-startup-")
    try:
        shutil.copytree(os.path.join(REPO, "plans"), os.path.join(root, "plans"))
        print(f"\n== start-up: median of {STARTUP_RUNS} runs after 1 warm-up (bundled plans copied to {root})",
              file=sys.stderr, flush=True)
        return {
            "true": measure("/bin/true (harness floor)", ["/bin/true"], root, STARTUP_RUNS),
            "version": measure("bbg --version", [args.bbg, "--version"], root, STARTUP_RUNS),
            "status": measure("bbg status (bundled plans)", [args.bbg, "status"], root, STARTUP_RUNS),
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def fmt_ratio(x):
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×"


def size_table(block):
    rs, nbytes = block["results"], block["bytes"]
    base = rs["check"].median
    lines = ["| tool | median wall s | MB/s | peak RSS MB | time ÷ bbg check |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for key, r in rs.items():
        ratio = "—" if key == "check" else fmt_ratio(r.median / base)
        flag = " (exit " + ",".join(map(str, sorted(set(r.codes)))) + ")" if r.failed else ""
        lines.append(f"| {r.name}{flag} | {r.median:.3f} | {nbytes / 1e6 / r.median:.1f} | {r.rss / 1e6:.1f} | {ratio} |")
    return lines


def startup_table(st):
    lines = ["| command | median ms | min ms | max ms | peak RSS MB |", "| --- | ---: | ---: | ---: | ---: |"]
    for r in st.values():
        lines.append(f"| {r.name} | {r.median * 1e3:.1f} | {min(r.walls) * 1e3:.1f} | {max(r.walls) * 1e3:.1f} "
                     f"| {r.rss / 1e6:.1f} |")
    return lines


def targets(blocks, st, caps):
    out = []

    def line(ok, text):
        out.append(f"{'PASS' if ok else 'FAIL'}  {text}")

    for block in blocks:
        size, rs, nbytes = block["size"], block["results"], block["bytes"]
        check = rs["check"]
        judged = size == 2900   # issue 12 sets its targets on 2,900 files

        def target(ok, text):
            if judged:
                line(ok, text)
            else:
                out.append(f"info  {text} (the target is set on 2,900 files)")

        # Issue 12.
        got = check.median / rs["scan2"].median
        target(got <= 1.3, f"{size} files: bbg check --no-cache ≤1.3× the two-core libfyaml scan: {got:.2f}× "
                           f"({check.median:.3f} s vs {rs['scan2'].median:.3f} s)")
        got = rs["check_cold"].median / check.median
        target(got <= 1.10, f"{size} files: writing the cache ≤10% over --no-cache: {(got - 1) * 100:+.0f}% "
                            f"({rs['check_cold'].median:.3f} s vs {check.median:.3f} s)")
        warm_ms = rs["check_warm"].median * 1e3
        target(warm_ms <= 30, f"{size} files: second bbg check, nothing changed, ≤30 ms: {warm_ms:.1f} ms")
        ms = rs["update"].median * 1e3
        target(ms <= 60, f"{size} files: bbg update of one activity, cache warm, ≤60 ms: {ms:.1f} ms")
        for key in ("status_warm", "overdue_warm"):
            got = rs[key].median / rs["check_warm"].median
            target(got <= 2, f"{size} files: {rs[key].name} ≤2× the warm bbg check: {got:.2f}× "
                             f"({rs[key].median * 1e3:.0f} ms vs {warm_ms:.0f} ms)")
        floor = st["version"].rss
        for key in ("check", "check_cold", "check_warm", "status", "overdue", "status_warm", "overdue_warm", "update"):
            got = rs[key].rss / nbytes
            text = (f"{size} files: peak memory of {rs[key].name} < 2× corpus size: "
                    f"{rs[key].rss / 1e6:.1f} MB = {got:.2f}× {nbytes / 1e6:.2f} MB")
            if floor >= 2 * nbytes:
                out.append(f"info  {text} (not judged: `bbg --version` alone takes {floor / 1e6:.1f} MB, "
                           f"more than 2× this corpus)")
            else:
                line(got < 2, text)
        # Issue 7, still held.
        faster = {10: (10, 10), 290: (1.3, 10)}.get(size)
        if faster:
            for key, want in (("ajv_cli", faster[0]), ("ajv_node", faster[0]), ("py", faster[1]), ("py_c", faster[1])):
                if key in rs:
                    got = rs[key].median / check.median
                    line(got >= want, f"{size} files: bbg check --no-cache ≥{want}× faster than {rs[key].name}: "
                                      f"{got:.2f}× ({check.median:.3f} s vs {rs[key].median:.3f} s)")
        for key in ("status", "overdue"):
            got = rs[key].median / check.median
            out.append(f"info  {size} files: {rs[key].name} is {got:.2f}× bbg check --no-cache (issue 7 asked ≤1.2×)")
    for key in ("version", "status"):
        ms = st[key].median * 1e3
        line(ms < 20, f"start-up: {st[key].name} < 20 ms: {ms:.1f} ms")
    return out


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for row in f:
                if row.startswith("model name"):
                    model = row.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}, {mem}, Linux {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bbg", required=True)
    ap.add_argument("--scan", required=True)
    ap.add_argument("--timerun", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--command", default="bench/run.sh")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora")
    ap.add_argument("sizes", nargs="+", type=int)
    args = ap.parse_args()
    args.bbg = os.path.abspath(args.bbg)
    args.scan = os.path.abspath(args.scan)
    global TIMERUN
    TIMERUN = os.path.abspath(args.timerun)

    version = subprocess.run([args.bbg, "--version"], capture_output=True, text=True).stdout.strip()
    caps = {"ajv_cli": os.access(AJV_CLI, os.X_OK) and shutil.which("node") is not None,
            "node": shutil.which("node") is not None
            and os.path.isdir(os.path.join(BENCH, "node_modules_dir", "node_modules", "ajv")),
            "python": has_python_modules()}
    notes = []
    if not caps["ajv_cli"]:
        notes.append("ajv-cli is not installed (bench/node_modules_dir): no ajv-cli line.")
    if not caps["node"]:
        notes.append("node or the ajv/js-yaml modules are missing: no `ajv (node)` line.")
    if not caps["python"]:
        notes.append("/usr/bin/python3 lacks yaml or jsonschema: no Python lines.")

    started = datetime.datetime.now().astimezone()
    t0 = time.perf_counter()
    print(f"bbg: {args.bbg} ({version}); machine: {machine()}", file=sys.stderr)
    blocks = [bench_size(size, args, caps, notes) for size in args.sizes]
    st = bench_startup(args)
    total = time.perf_counter() - t0

    md = ["# bbg benchmark results",
          "",
          f"- date: {started.strftime('%Y-%m-%d %H:%M %Z')}",
          f"- command: `{args.command}` (seed {args.seed}; total {total:.0f} s)",
          f"- bbg: `{version}` ({args.bbg})",
          f"- machine: {machine()}",
          f"- each figure: median of the timed runs after one discarded warm-up (5 runs, 3 from 1,000 files on; "
          f"start-up {STARTUP_RUNS}); peak RSS is the largest ru_maxrss over the timed runs; MB = 10⁶ bytes; "
          f"`BBG_TODAY={TODAY}`",
          ""]
    for block in blocks:
        md += [f"## {block['size']} files, {block['bytes'] / 1e6:.2f} MB", ""] + size_table(block) + [""]
    md += ["## Start-up (bundled plans)", ""] + startup_table(st) + [""]
    md += ["## Targets (issues 12 and 7)", "", "```"] + targets(blocks, st, caps) + ["```", ""]
    md += ["## What was timed", "",
           "- `bbg check`, `bbg status`, `bbg overdue`: run in the corpus folder (the repository root, found by "
           "its `plans/`), output to /dev/null, the check cache in a folder of its own (`BBG_CACHE_DIR`). "
           "`--no-cache` lines read and check every file. The cache pair empties the cache before the first "
           "run and runs `bbg check` twice; the warm report lines run after a warm-up run that fills the "
           "cache's report level.",
           "- `bbg update`: one activity of the first plan gets an update (a day later each run), after an "
           "untimed `bbg check` that leaves the cache warm.",
           "- cat: `cat` of every plan file to /dev/null (page cache warm).",
           "- libfyaml event scan: `bench/scan.c`, `gcc -O2`, every event and the text of every scalar of every "
           "file, what bbg's reader does before it builds anything; `-j 2` cuts the sorted file list in two halves "
           "and scans them in two processes at once (one per core): the floor of issue 12.",
           "- ajv-cli: `ajv validate -s schemas/plan.schema.json -d 'DIR/*.yaml'` (ajv-cli 5 reads YAML with "
           "js-yaml 3's default schema, which makes unquoted dates Date objects and fails every plan), on copies "
           "with every unquoted YYYY-MM-DD quoted; making the copies (`bench/quote_dates.py`) is not timed. "
           "YAML parsing by ajv-cli is timed.",
           "- ajv (node): `bench/ajv_check.js` (ajv 8 + js-yaml 4 CORE_SCHEMA, schema compiled once) on the "
           "original files; everything timed, node start-up included.",
           "- python: `bench/py_check.py` (Debian python3-yaml + python3-jsonschema, Draft7Validator compiled once, "
           "SafeLoader without the timestamp resolver); the first line uses the pure-Python SafeLoader that "
           "`yaml.safe_load` uses, the `(libyaml)` line CSafeLoader.",
           ""]
    if notes:
        md += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    text = "\n".join(md)
    with open(os.path.join(BENCH, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
