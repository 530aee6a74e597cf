#!/usr/bin/env bash
# bbg snapshot on a full disk and in a read-only folder: a clear error, exit 2, and never a
# half-written snapshot. Runs in its own mount namespace (unshare -m) on small tmpfs mounts.
set -u
bbg=$1
fixtures=$2
exec unshare -m bash -s "$bbg" "$fixtures" <<'INNER'
set -u
bbg=$1
fixtures=$2
status=0
work=$(mktemp -d)
mount -t tmpfs -o size=1m tmpfs "$work" || { echo "cannot mount a tmpfs"; exit 1; }
mkdir -p "$work/repo/plans"
cp "$fixtures/repos/reports/plans/"*.yaml "$work/repo/plans/"
cd "$work/repo"
"$bbg" snapshot -q 2021-Q1 --no-cache >/dev/null || { echo "first snapshot failed"; status=1; }
before=$("$bbg" snapshots --format json)

# Full disk: fill what is left, then try to store another quarter.
dd if=/dev/zero of="$work/filler" bs=4k 2>/dev/null
sync
out=$("$bbg" snapshot -q 2021-Q2 --no-cache 2>&1); rc=$?
echo "full disk: exit $rc: $out"
[ $rc -eq 2 ] || { echo "expected exit 2 on a full disk"; status=1; }
grep -q "disk is full\|cannot write" <<<"$out" || { echo "expected a message about the full disk"; status=1; }
rm -f "$work/filler"
after=$("$bbg" snapshots --format json)
[ "$before" = "$after" ] || { echo "a snapshot was half-written on the full disk"; status=1; }

# Read-only folder.
mount -o remount,ro "$work"
out=$("$bbg" snapshot -q 2021-Q3 --no-cache 2>&1); rc=$?
echo "read-only: exit $rc: $out"
[ $rc -eq 2 ] || { echo "expected exit 2 in a read-only folder"; status=1; }
after=$("$bbg" snapshots --format json 2>&1)
[ "$before" = "$after" ] || { echo "the read-only database changed or cannot be read: $after"; status=1; }
cd /
umount "$work"
[ $status -eq 0 ] && echo "store: full disk and read-only folder refused cleanly"
exit $status
INNER
