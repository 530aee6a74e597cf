#!/usr/bin/env bash
# Twenty `bbg update` processes on the same file at the same moment: all twenty land (each
# waits for the write lock and re-reads the file under it), and the file still passes.
set -u
bbg=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plans"
cp "$fixtures/repos/reports/plans/"*.yaml "$work/plans/"
cd "$work"
pids=()
for i in $(seq 1 20); do
  "$bbg" update plan-a/1.2 --status in_progress --note "run $i" --date 2022-01-10 >/dev/null 2>"$work/err.$i" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
count=$(grep -c "note: run " plans/plan-a.yaml)
echo "updates written: $count of 20; failed runs: $failed"
cat "$work"/err.* 2>/dev/null
[ "$failed" -eq 0 ] && [ "$count" -eq 20 ] && "$bbg" check --strict >/dev/null
