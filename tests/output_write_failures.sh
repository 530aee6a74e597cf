#!/usr/bin/env bash
# Output that cannot be written is a failure: every command whose output goes to /dev/full (a
# full disk) exits 2 with a message, and `-o DEVICE` writes into the device, never replacing it.
set -u
bbg=$1
source_dir=$2
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/plans" "$work/plans"
cp "$source_dir/owners.yaml" "$work/" 2>/dev/null
cd "$work" || exit 1
export BBG_TODAY=2024-06-30 NO_COLOR=1 BBG_CACHE_DIR="$work/cache"

[ -c /dev/full ] || { echo "/dev/full is not a character device here"; exit 1; }

expect_failure() {  # what, then the command; its stdout goes to /dev/full
  local what=$1
  shift
  local err rc
  err=$("$@" 2>&1 >/dev/full)
  rc=$?
  if [ $rc -ne 2 ]; then
    echo "$what: exit $rc, expected 2 (stderr: $err)"
    status=1
  elif ! grep -q "bbg: error: cannot write the output" <<<"$err"; then
    echo "$what: no message saying the output was not written: $err"
    status=1
  fi
}

expect_failure "status" "$bbg" status --no-cache
expect_failure "status --format csv" "$bbg" status --format csv --no-cache
expect_failure "check --format json" "$bbg" check --format json --no-cache
expect_failure "overdue --format markdown" "$bbg" overdue --format markdown --no-cache
expect_failure "calendar" "$bbg" calendar --no-cache
expect_failure "show" "$bbg" show kronoberg-2019-2023/2.3 --no-cache
expect_failure "--help" "$bbg" --help

# -o naming a device: written into (and failing like it), the device left as it is.
err=$("$bbg" calendar --no-cache -o /dev/full 2>&1); rc=$?
[ $rc -eq 2 ] || { echo "calendar -o /dev/full: exit $rc, expected 2 ($err)"; status=1; }
grep -q "cannot write the output to /dev/full: No space left on device" <<<"$err" ||
  { echo "calendar -o /dev/full: unexpected message: $err"; status=1; }
grep -q "wrote /dev/full" <<<"$err" && { echo "calendar -o /dev/full claims it wrote"; status=1; }
[ -c /dev/full ] || { echo "calendar -o /dev/full replaced the device"; status=1; }
out=$("$bbg" calendar --no-cache -o /dev/stdout 2>/dev/null | head -1)
[ "$out" = $'BEGIN:VCALENDAR\r' ] || [ "$out" = "BEGIN:VCALENDAR" ] || { echo "calendar -o /dev/stdout wrote: $out"; status=1; }

# The same commands to a writable place succeed (the failures above are the device's).
"$bbg" status --no-cache >/dev/null || { echo "status to /dev/null failed"; status=1; }

[ $status -eq 0 ] && echo "every write failure was reported with exit 2"
exit $status
