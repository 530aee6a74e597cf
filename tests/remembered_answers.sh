#!/usr/bin/env bash
# The output that status, overdue and stale remember in the check cache is what a run without the
# cache prints, whatever changed since it was remembered: a plan's content (the same size), the
# terminal width, the date, the language, the owner registry, a plan added or removed. Each command
# runs twice through the cache (the second run answers from it) and once with --no-cache. A file
# changed within 2 s of being looked at is read again (its change may share the clock tick), so
# after each change of a plan file the script waits 3 s: the answers are then really used.
# Usage: remembered_answers.sh BBG FIXTURES
set -u
bbg=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home BBG_CACHE_DIR=$work/cache BBG_TODAY=2021-07-15 NO_COLOR=1 LANG=C.UTF-8
unset COLUMNS LC_ALL LC_MESSAGES
mkdir -p "$work/repo" "$HOME" && cp -r "$fixtures/repos/reports/." "$work/repo/"
cd "$work/repo" || exit 1
status=0
cases=0
commands=("status" "status --by owner --format csv" "status --by area --format json" "overdue" "overdue --fail-on-overdue"
          "overdue --owner processledarna --format markdown" "stale --format json" "stale --days 30")
compare() {  # compare WHAT: every command, cached twice and without the cache, prints the same
  local c first second fresh
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    first=$("$bbg" $c 2>&1; echo "exit $?")
    # shellcheck disable=SC2086
    second=$("$bbg" $c 2>&1; echo "exit $?")
    # shellcheck disable=SC2086
    fresh=$("$bbg" $c --no-cache 2>&1; echo "exit $?")
    cases=$((cases + 1))
    if [ "$first" != "$fresh" ] || [ "$second" != "$fresh" ]; then
      echo "FAIL ($1): bbg $c through the cache differs from --no-cache:"
      diff <(echo "$second") <(echo "$fresh") | head -10
      status=1
    fi
  done
}
answers() { /usr/bin/python3 -c "import sqlite3,sys,glob; print(sum(sqlite3.connect(f).execute('SELECT count(*) FROM answer').fetchone()[0] for f in glob.glob(sys.argv[1] + '/*.db')))" "$BBG_CACHE_DIR"; }
settle() { sleep 3; }
settle
compare "first runs"
[ "$(answers)" -gt 0 ] || { echo "FAIL: nothing was remembered"; status=1; }
sed -i 's/Utbilda chefer/Utbilda ledare/' plans/plan-a.yaml  # the same size
settle
compare "a title changed, same size"
sed -i 's/status: planned/status: delayed/' plans/plan-a.yaml
settle
compare "a status changed"
export COLUMNS=60
compare "COLUMNS=60"
unset COLUMNS
export BBG_TODAY=2022-03-01
compare "another date"
export LANG=sv_SE.UTF-8
compare "a Swedish locale"
export LANG=C.UTF-8
printf -- '- name: Processledarna\n  aliases: [Processledare]\n  kind: role\n' >owners.yaml
compare "an owner registry added"
printf -- '- name: Processledare\n  aliases: [Processledarna]\n  kind: role\n' >owners.yaml
compare "the registry's canonical name changed"
sed 's/id: plan-b/id: plan-c/' plans/plan-b.yaml >plans/plan-c.yaml
settle
compare "a plan added"
rm plans/plan-b.yaml
settle
compare "a plan removed"
echo "remembered answers: $cases comparisons"
exit $status
