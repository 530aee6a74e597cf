#!/usr/bin/env bash
# Runs one end-to-end case: tests/cli/<command>/<case>/ holds
#   args             the bbg arguments, shell-quoted, on one line
#   repo/            files copied into a fresh temporary plan repository (optional)
#   setup.sh         run inside that repository before bbg, for files too big or odd to commit,
#                    or to copy a fixture: $FIXTURES is tests/fixtures, $BBG the binary (optional)
#   expected_stdout  expected standard output
#   expected_stderr  expected standard error (optional; when absent, stderr must be empty)
#   expected_exit    expected exit code
#   env              extra environment variables, one NAME=value per line (optional)
#   expected_diff    what the command changed in the repository, as `git diff --no-index` shows it
#                    (optional; an empty file asserts that nothing changed)
# The temporary repository is the working directory; NO_COLOR is set, LANG is C.UTF-8 and
# SOURCE_DATE_EPOCH fixes "now" (2026-01-01) for snapshot timestamps.
# BBG_UPDATE_EXPECTED=1 writes the expected files from what bbg printed, for review.
set -u
bbg=$1
case_dir=$(cd "$2" && pwd)
fixtures=$(cd "$(dirname "$0")/../fixtures" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo/plans"
if [ -d "$case_dir/repo" ]; then cp -a "$case_dir/repo/." "$repo/"; fi
if [ -f "$case_dir/setup.sh" ]; then
  (cd "$repo" && FIXTURES="$fixtures" BBG="$bbg" SOURCE_DATE_EPOCH=1767225600 bash "$case_dir/setup.sh") || { echo "setup.sh failed"; exit 1; }
fi
cp -a "$repo" "$work/before"
eval "set -- $(cat "$case_dir/args")"
extra_env=()
if [ -f "$case_dir/env" ]; then mapfile -t extra_env <"$case_dir/env"; fi
(cd "$repo" && env -i PATH="$PATH" HOME="$work" LANG=C.UTF-8 NO_COLOR=1 SOURCE_DATE_EPOCH=1767225600 "${extra_env[@]}" \
  timeout 20 "$bbg" "$@" >"$work/stdout" 2>"$work/stderr" </dev/null)
rc=$?
rm -rf "$repo/.bbg" "$work/before/.bbg"  # bbg's own state (lock, database) is not part of the diff
(cd "$work" && git -c core.quotepath=off diff --no-index --no-color -- before repo |
  grep -v '^index ' | sed -e 's# a/before/# a/#; s# a/repo/# a/#; s# b/repo/# b/#; s#^--- a/before/#--- a/#; s#^+++ b/repo/#+++ b/#') \
  >"$work/diff" 2>/dev/null
if [ "${BBG_UPDATE_EXPECTED:-}" = 1 ]; then
  if [ -f "$case_dir/expected_diff" ] || [ -s "$work/diff" ]; then cp "$work/diff" "$case_dir/expected_diff"; fi
  cp "$work/stdout" "$case_dir/expected_stdout"
  if [ -s "$work/stderr" ]; then cp "$work/stderr" "$case_dir/expected_stderr"; else rm -f "$case_dir/expected_stderr"; fi
  echo "$rc" >"$case_dir/expected_exit"
fi
status=0
if ! diff -u "$case_dir/expected_stdout" "$work/stdout"; then echo "stdout differs"; status=1; fi
if [ -f "$case_dir/expected_stderr" ]; then
  if ! diff -u "$case_dir/expected_stderr" "$work/stderr"; then echo "stderr differs"; status=1; fi
elif [ -s "$work/stderr" ]; then
  echo "unexpected stderr:"; cat "$work/stderr"; status=1
fi
if [ -f "$case_dir/expected_diff" ] && ! diff -u "$case_dir/expected_diff" "$work/diff"; then
  echo "the repository changed differently"; status=1
fi
expected_rc=$(cat "$case_dir/expected_exit")
if [ "$rc" != "$expected_rc" ]; then echo "exit code $rc, expected $expected_rc"; status=1; fi
exit $status
