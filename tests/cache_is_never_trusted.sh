#!/usr/bin/env bash
# The check cache (.bbg/cache.db) speeds up a second run but is never trusted: a row edited by
# hand, a damaged file or rows of another bbg version are ignored and rebuilt, so the output is
# always that of --no-cache.
set -u
bbg=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plans"
cp "$fixtures/hostile/two-errors-one-warning.yaml" "$fixtures/hostile/valid-minimal.yaml" "$work/plans/"
cd "$work"
status=0
expected=$("$bbg" check --no-cache --format json)
[ ! -e .bbg/cache.db ] || { echo "--no-cache wrote a cache"; status=1; }
same() {  # same NAME: bbg check (through the cache) prints what --no-cache printed
  local got
  got=$("$bbg" check --format json)
  if [ "$got" != "$expected" ]; then echo "$1: output differs from --no-cache"; diff <(echo "$expected") <(echo "$got"); status=1; fi
}
same "first run"
[ -s .bbg/cache.db ] || { echo "no cache was written"; status=1; }
same "second run (cached)"
sql() { /usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect('.bbg/cache.db'); c.execute(sys.argv[1]); c.commit()" "$1"; }
# A summary edited by hand: say the broken file has no diagnostics.
sql "UPDATE entry SET summary = (SELECT summary FROM entry WHERE path = 'plans/valid-minimal.yaml') WHERE path = 'plans/two-errors-one-warning.yaml'"
same "row edited by hand"
# Rows claiming another version.
sql "UPDATE entry SET version = 'other'"
same "rows of another version"
# A damaged file.
head -c 5000 /dev/urandom > .bbg/cache.db
rm -f .bbg/cache.db-wal .bbg/cache.db-shm
same "damaged cache file"
same "rebuilt cache"
[ $status -eq 0 ] && echo "cache: poisoned, damaged and foreign caches are ignored"
exit $status
