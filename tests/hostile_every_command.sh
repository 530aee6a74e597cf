#!/usr/bin/env bash
# Every command on every hostile plan file of tests/fixtures/hostile (and on a few hostile
# repositories), each run held to a time limit: it must answer within BBG_TIME_LIMIT seconds
# (default 1), with exit status 0, 1 or 2, and no crash, sanitizer report or stack trace.
# Usage: hostile_every_command.sh BBG FIXTURES
set -u
bbg=$1
fixtures=$2
limit=${BBG_TIME_LIMIT:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home BBG_TODAY=2021-07-15 NO_COLOR=1 LANG=C.UTF-8
mkdir -p "$HOME"

commands=(
  "check" "check --format json" "check --format sarif" "check --format junit" "check --format github"
  "check --no-cache" "status" "status --by owner" "status --by area --format csv" "overdue" "overdue --format json"
  "stale" "show test-plan/1.1" "show 1.1 --format markdown" "calendar" "snapshot --quarter 2021-Q2"
  "snapshots" "report" "report --format html" "diff now now" "diff now 2021-Q2"
  "update test-plan/1.1 -s done --date 2021-06-01 --dry-run" "update test-plan/1.1 -s done --date 2021-06-01"
  "add activity test-plan/1 --title Ny" "add area test-plan --title Nytt"
  "new plan p-new --title Ny --organisation Org --period 2024..2027"
  "__complete plans" "__complete activities" "__complete owners"
  "followup" "followup --owner Processledarna --lang sv -o form.csv"
)

# Under the sanitizers (ten times slower) a core of the commands is enough.
if [ "${BBG_HOSTILE_QUICK:-0}" = 1 ]; then
  commands=("check --format sarif" "status --by owner" "overdue" "show test-plan/1.1" "calendar"
            "snapshot --quarter 2021-Q2" "update test-plan/1.1 -s done --date 2021-06-01" "add area test-plan --title Nytt")
fi

status=0
runs=0
slowest=0
slowest_run=""
# run_all NAME: every command in the repository $work/repo, which setup left there.
run_all() {
  local name=$1 c rc start end ms
  rm -rf "$work/run" && cp -a "$work/repo" "$work/run"
  for c in "${commands[@]}"; do
    case "$c" in  # a command that writes gets a fresh copy after it
      update*--dry-run*|snapshots*|__complete*) ;;
      update*|add*|new*|snapshot*|import*|followup*-o*) rm -rf "$work/run" && cp -a "$work/repo" "$work/run" ;;
    esac
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$work/run" && timeout -k 1 "$limit" "$bbg" $c >"$work/out" 2>"$work/err" </dev/null)
    rc=$?
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    runs=$((runs + 1))
    if [ "$ms" -gt "$slowest" ]; then slowest=$ms; slowest_run="$name: bbg $c"; fi
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      echo "FAIL $name: bbg $c took longer than ${limit}s"; status=1; continue
    fi
    if [ "$rc" -gt 2 ]; then
      echo "FAIL $name: bbg $c exited $rc"; head -5 "$work/err"; status=1; continue
    fi
    if grep -qE "AddressSanitizer|runtime error|LeakSanitizer|terminate called|Segmentation|Aborted|std::" "$work/err"; then
      echo "FAIL $name: bbg $c printed a crash or a stack trace"; head -5 "$work/err"; status=1
    fi
  done
}

# Each hostile plan file next to a valid plan, in a fresh repository.
for file in "$fixtures"/hostile/*.yaml "$fixtures"/hostile/invalid-yaml/*.yaml; do
  rm -rf "$work/repo" && mkdir -p "$work/repo/plans"
  cp "$file" "$work/repo/plans/"
  sed 's/id: test-plan/id: other-plan/' "$fixtures/hostile/valid-minimal.yaml" >"$work/repo/plans/zz-other.yaml"
  run_all "$(basename "$file")"
done

# Hostile repositories: links out of it, a planted .bbg, a huge file, deep folders.
repo() { rm -rf "$work/repo" "$work/outside" && mkdir -p "$work/repo/plans" "$work/outside" && cp "$fixtures/hostile/valid-minimal.yaml" "$work/repo/plans/"; }
repo; ln -s "$work/outside" "$work/repo/.bbg"; run_all ".bbg is a link"
repo; mkdir "$work/repo/.bbg"; ln -s "$work/outside/x" "$work/repo/.bbg/lock"; ln -s "$work/outside/y" "$work/repo/.bbg/bbg.db"; run_all ".bbg/lock and .bbg/bbg.db are links"
repo; ln -s "$work/outside" "$work/repo/plans/linked"; run_all "a folder link out of the repository"
repo; ln -s .. "$work/repo/plans/up"; run_all "a folder link to its parent"
repo; ln -s /dev/zero "$work/repo/plans/zero.yaml"; run_all "a link to /dev/zero"
repo; mkfifo "$work/repo/plans/fifo.yaml"; run_all "a FIFO"
repo; head -c 60000000 /dev/zero | tr '\0' 'a' >"$work/repo/plans/huge.yaml"; run_all "a 60 MB file"
repo; d="$work/repo/plans"; for i in $(seq 1 80); do d="$d/d"; done; mkdir -p "$d"; cp "$fixtures/hostile/valid-minimal.yaml" "$d/deep.yaml"; run_all "folders 80 deep"
# The owner registry: a link out of the repository; a registry of 5,000 aliases and a plan with
# an activity of 25,000 owners it does not know (suggestions, canonical names and the count by
# owner stay linear: counting them with a list took 1.2 s).
repo; echo "- name: Utanför" >"$work/outside/owners.yaml"; ln -s "$work/outside/owners.yaml" "$work/repo/owners.yaml"; run_all "owners.yaml is a link out"; rm -f "$work/outside/owners.yaml"
repo
{ echo "- name: Processledarna"; echo "  aliases:"; for i in $(seq -w 1 5000); do echo "    - Alias $i i registret"; done; } >"$work/repo/owners.yaml"
awk '/owners: \[Processledarna\]/ { print "        owners:"; for (i = 1; i <= 25000; i++) printf "          - Okänd aktör %05d\n", i
                                     print "          - Processledarna"; print "          - processledarna"; next } { print }' \
  "$fixtures/hostile/valid-minimal.yaml" >"$work/repo/plans/valid-minimal.yaml"
run_all "a registry of 5,000 aliases, an activity of 25,000 unknown owners"
# Each hostile follow-up form (tests/fixtures/hostile/forms) imported into a valid plan, and
# each hostile plan file's repository asked for a form and given a form back.
repo; commands=(); for form in "$fixtures"/hostile/forms/*.csv; do commands+=("import $form" "import $form --dry-run"); done
run_all "hostile forms"
commands=("followup --as-of 2021-07-15" "import $fixtures/hostile/forms/yaml-looking-note.csv")
for file in "$fixtures"/hostile/*.yaml "$fixtures"/hostile/invalid-yaml/*.yaml; do
  rm -rf "$work/repo" && mkdir -p "$work/repo/plans" && cp "$file" "$work/repo/plans/"
  run_all "forms: $(basename "$file")"
done
[ "$(ls -A "$work/outside" 2>/dev/null)" = "" ] || { echo "FAIL: something was written outside the repository: $(ls "$work/outside")"; status=1; }

echo "hostile inputs: $runs runs, slowest ${slowest} ms ($slowest_run), limit ${limit}s"
exit $status
