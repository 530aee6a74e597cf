#!/usr/bin/env bash
# The check cache speeds up a second run but is never trusted: it lives outside the repository
# (a cache a pull request commits is never read), a row edited by hand or a damaged file is
# ignored and rebuilt, and a file changed behind its metadata's back (same size, same time) is
# still found. The output is always that of --no-cache.
set -u
bbg=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home
cache_dir=$HOME/.cache/bbg
mkdir -p "$work/repo/plans" "$HOME"
cp "$fixtures/hostile/two-errors-one-warning.yaml" "$fixtures/hostile/valid-minimal.yaml" "$work/repo/plans/"
cd "$work/repo"
status=0
fail() { echo "FAIL: $*"; status=1; }
expected=$("$bbg" check --no-cache --format json)
[ ! -d "$cache_dir" ] || [ -z "$(ls -A "$cache_dir")" ] || fail "--no-cache wrote a cache"
same() {  # same NAME: bbg check (through the cache) prints what --no-cache printed, and exits 1
  local got rc
  got=$("$bbg" check --format json 2>"$work/stderr"); rc=$?
  if [ "$got" != "$expected" ]; then fail "$1: output differs from --no-cache"; diff <(echo "$expected") <(echo "$got"); fi
  [ "$rc" = 1 ] || fail "$1: exit code $rc, expected 1"
}
same "first run"
db=$(ls "$cache_dir"/*.db 2>/dev/null | head -n 1)
[ -n "$db" ] && [ -s "$db" ] || fail "no cache was written under $cache_dir"
[ ! -e .bbg/cache.db ] || fail "a cache was written inside the repository"
same "second run (cached)"

# A cache committed by a pull request, next to the broken plan: a real cache of this very
# repository (where every row is right), and one that says the broken file has no findings.
mkdir -p .bbg
cp "$db" .bbg/cache.db
sql() { /usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()" "$@"; }
sql .bbg/cache.db "UPDATE summary SET blob = (SELECT blob FROM summary WHERE path = 'plans/valid-minimal.yaml'), checksum = (SELECT checksum FROM summary WHERE path = 'plans/valid-minimal.yaml')"
before=$(sha256sum .bbg/cache.db)
rm -rf "$cache_dir"
same "a cache committed in .bbg/cache.db"
[ "$(sha256sum .bbg/cache.db)" = "$before" ] || fail ".bbg/cache.db was written"

# BBG_CACHE_DIR pointing into the repository is not used.
BBG_CACHE_DIR=.bbg "$bbg" check --format json >/dev/null 2>"$work/stderr"
grep -q "inside the repository, where a pull request could write it" "$work/stderr" || fail "BBG_CACHE_DIR inside the repository: no warning"
[ "$(sha256sum .bbg/cache.db)" = "$before" ] || fail "BBG_CACHE_DIR=.bbg: .bbg/cache.db was written"
ls .bbg/*.db 2>/dev/null | grep -v cache.db && fail "BBG_CACHE_DIR=.bbg: a cache was made in the repository"

# A summary edited by hand in the real cache: say the broken file has no diagnostics.
same "rebuild"
db=$(ls "$cache_dir"/*.db | head -n 1)
sql "$db" "UPDATE summary SET blob = (SELECT blob FROM summary WHERE path = 'plans/valid-minimal.yaml') WHERE path = 'plans/two-errors-one-warning.yaml'"
same "row edited by hand"
# The verdict of the whole repository edited by hand: say the whole check found nothing.
sql "$db" "UPDATE verdict SET blob = (SELECT blob FROM summary WHERE path = 'plans/valid-minimal.yaml')"
same "verdict edited by hand"
# A damaged file.
head -c 5000 /dev/urandom > "$db"
rm -f "$db-wal" "$db-shm"
same "damaged cache file"
[ ! -s "$work/stderr" ] || { fail "a damaged cache is rebuilt without a word"; cat "$work/stderr"; }
same "rebuilt cache"

# A file changed behind its metadata's back: same size, modification time set back. Its change
# time still moves, and bbg reads it again.
same "warm"
sleep 2.1  # the file's times are now old enough for its metadata to be trusted
same "warm, metadata trusted"
file=plans/valid-minimal.yaml
mtime=$(stat -c %y "$file")
sed -i 's/status: planned/status: plannex/' "$file"  # one letter: same size, now an error
touch -d "$mtime" "$file"
before_change=$expected
expected=$("$bbg" check --no-cache --format json)
[ "$expected" != "$before_change" ] || fail "the change should have made a difference"
same "changed with the same size and time"
[ $status -eq 0 ] && echo "cache: committed, poisoned, damaged and outwitted caches change nothing"
exit $status
