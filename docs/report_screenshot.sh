#!/usr/bin/env bash
# Makes docs/report.png: the HTML report of the bundled plans (Swedish, 2023-Q4, snapshots of
# 2021-Q4, 2022-Q1, 2022-Q4 and 2023-Q4) as headless Chromium shows it.
# Usage: docs/report_screenshot.sh [BBG]   (default: build/bbg)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bbg=$(realpath "${1:-$root/build/bbg}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/repo"
cp -R "$root/plans" "$root/owners.yaml" "$work/repo/"
cd "$work/repo"
export BBG_TODAY=2026-10-15 SOURCE_DATE_EPOCH=1767225600
for q in 2021-Q4 2022-Q1 2022-Q4 2023-Q4; do "$bbg" snapshot -q "$q" >/dev/null; done
"$bbg" --lang sv report --format html -q 2023-Q4 -o "$work/report.html" 2>/dev/null
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1280,1500 --screenshot="$root/docs/report.png" "file://$work/report.html" 2>/dev/null
echo "wrote $root/docs/report.png"
