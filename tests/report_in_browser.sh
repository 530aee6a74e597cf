#!/usr/bin/env bash
# The HTML report of the bundled plans as a real browser (headless Chromium) shows and prints it:
# every SVG label lies inside its chart's viewBox and none overlaps another, the trend's quarters
# are spaced by the time between them, each bar's done part is the percentage beside it, and
# printed to PDF the report is A4 pages with the key figures and the trend on page 1 and the details
# after. Chromium and poppler-utils come from scripts/deps.sh; without them the test fails (a test
# that skips proves nothing).
# Usage: report_in_browser.sh BBG SOURCE_DIR
set -u
bbg=$1
src=$2
status=0
fail() { echo "FAIL: $*"; status=1; }

for tool in chromium pdfinfo pdftotext timeout; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed; bash scripts/deps.sh installs it"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work LANG=C.UTF-8 NO_COLOR=1 SOURCE_DATE_EPOCH=1767225600

# Headless Chromium, as root too (--no-sandbox), with its own profile and a time limit.
browse() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

# After load, the probe writes into the DOM: how many SVG <text> boxes (getBBox) leave their SVG's
# viewBox or overlap another in the same SVG, the x of each trend point, how many bars' done
# parts disagree with the done percentage of their row, and how many tables and charts stick out
# of the body (180 mm wide, as the printed page).
probe_script='<script>
addEventListener("load", () => {
  const clipped = [], overlaps = [];
  let texts = 0;
  for (const svg of document.querySelectorAll("svg")) {
    const boxes = [...svg.querySelectorAll("text")].map(t => ({t, b: t.getBBox()}));
    if (!boxes.length) continue;
    texts += boxes.length;
    const v = svg.viewBox.baseVal;
    if (!v || v.width === 0) { clipped.push("an SVG with text has no viewBox"); continue; }
    for (const {t, b} of boxes) {
      if (b.x < v.x || b.y < v.y || b.x + b.width > v.x + v.width || b.y + b.height > v.y + v.height)
        clipped.push(t.textContent + " at " + [b.x, b.y, b.width, b.height].map(n => n.toFixed(1)).join(","));
    }
    for (let i = 0; i < boxes.length; ++i) for (let j = i + 1; j < boxes.length; ++j) {
      const a = boxes[i].b, c = boxes[j].b;
      if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height)
        overlaps.push(boxes[i].t.textContent + " / " + boxes[j].t.textContent);
    }
  }
  let disagree = 0, bars = 0;
  for (const row of document.querySelectorAll("tr")) {
    const bar = row.querySelector("svg.bar"), last = row.lastElementChild;
    if (!bar || !/%$/.test(last.textContent)) continue;
    ++bars;
    let done = 0;
    for (const r of bar.querySelectorAll("rect[data-part=done], rect[data-part=done-overdue]")) done += r.width.baseVal.value;
    if (Math.round(done) !== parseInt(last.textContent, 10)) ++disagree;
  }
  const right = document.body.getBoundingClientRect().right;
  const wide = [...document.querySelectorAll("table, svg, figure")].filter(e => e.getBoundingClientRect().right > right + 0.5).length;
  const xs = [...document.querySelectorAll("svg circle")].map(c => c.cx.baseVal.value.toFixed(2));
  const out = document.body.dataset;
  out.texts = texts; out.clipped = clipped.length; out.overlaps = overlaps.length;
  out.bars = bars; out.barsDisagree = disagree; out.trendX = xs.join(" "); out.wide = wide;
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({clipped, overlaps});
  document.body.append(pre);
});
</script>'

# probe NAME: loads $work/NAME.html with the probe and leaves the DOM in $work/NAME.dom.
probe() {
  local name=$1
  printf '%s\n' "$probe_script" >"$work/probe.js"
  awk -v script="$work/probe.js" '/<\/body>/ { while ((getline line < script) > 0) print line } { print }' "$work/$name.html" >"$work/$name.probe.html"
  browse --window-size=1280,1000 --virtual-time-budget=5000 --dump-dom "file://$work/$name.probe.html" >"$work/$name.dom"
  grep -q 'data-clipped=' "$work/$name.dom" || { fail "$name: the probe did not run in the browser"; return; }
  attr() { sed -n "s/.*data-$1=\"\\([^\"]*\\)\".*/\\1/p" "$work/$name.dom" | head -1; }
  local texts clipped overlaps bars disagree wide
  texts=$(attr texts); clipped=$(attr clipped); overlaps=$(attr overlaps); bars=$(attr bars); disagree=$(attr bars-disagree); wide=$(attr wide)
  echo "$name: $texts SVG labels, $clipped clipped, $overlaps overlapping; $bars bars, $disagree disagreeing with their percentage; $wide tables or charts wider than the page"
  [ "$texts" -gt 0 ] || fail "$name: no SVG labels to check"
  [ "$clipped" = 0 ] || fail "$name: $clipped SVG labels lie outside their viewBox: $(sed -n 's/.*<pre id="probe">\(.*\)<\/pre>.*/\1/p' "$work/$name.dom")"
  [ "$overlaps" = 0 ] || fail "$name: $overlaps pairs of SVG labels overlap: $(sed -n 's/.*<pre id="probe">\(.*\)<\/pre>.*/\1/p' "$work/$name.dom")"
  [ "${bars:-0}" -gt 0 ] || fail "$name: no bars beside a done percentage"
  [ "${disagree:-1}" = 0 ] || fail "$name: $disagree bars disagree with their done percentage"
  [ "${wide:-1}" = 0 ] || fail "$name: $wide tables or charts are wider than the page"
  trend_x=$(attr trend-x)
}

# spaced NAME GAPS...: the trend's points lie apart in proportion to the quarters between them.
spaced() {
  local name=$1
  shift
  echo "$name: trend points at x = $trend_x"
  awk -v xs="$trend_x" -v gaps="$*" 'BEGIN {
    n = split(xs, x, " "); m = split(gaps, g, " ")
    if (n != m + 1) { print "  " n " points for " m " gaps"; exit 1 }
    total = 0
    for (i = 1; i <= m; ++i) total += g[i]
    unit = (x[n] - x[1]) / total
    for (i = 1; i <= m; ++i) {
      d = x[i + 1] - x[i]
      if (d < g[i] * unit - 0.5 || d > g[i] * unit + 0.5) { printf "  gap %d is %.1f, not %d quarters of %.1f\n", i, d, g[i], unit; bad = 1 }
    }
    exit bad
  }' || fail "$name: the trend's quarters are not spaced by time"
}

# printed NAME LANG_WORDS...: printed to PDF, A4 pages, at least two; page 1 has the words given.
printed() {
  local name=$1
  shift
  browse --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" >/dev/null
  [ -s "$work/$name.pdf" ] || { fail "$name: Chromium printed no PDF"; return; }
  local pages size
  pages=$(pdfinfo "$work/$name.pdf" | sed -n 's/^Pages: *//p')
  size=$(pdfinfo "$work/$name.pdf" | sed -n 's/^Page size: *//p')
  echo "$name: $pages pages of $size"
  case $size in *"(A4)"*) ;; *) fail "$name: pages are $size, not A4" ;; esac
  [ "${pages:-0}" -ge 2 ] && [ "$pages" -le 12 ] || fail "$name: $pages pages; expected the key figures page and a few of details"
  pdftotext -f 1 -l 1 -layout "$work/$name.pdf" "$work/$name.page1.txt"
  for word in "$@"; do
    grep -qF -- "$word" "$work/$name.page1.txt" || fail "$name: page 1 lacks \"$word\""
  done
}

repo=$work/repo
mkdir -p "$repo"
cp -R "$src/plans" "$src/owners.yaml" "$repo/"
cd "$repo" || exit 1
# Two updates, so that the report has a done activity and a recurring one done in its last round
# with an earlier round missed (done and overdue at once, on 2023-11-20).
BBG_TODAY=2026-10-15 "$bbg" update kronoberg-2019-2023/1.1 --status done --date 2021-12-01 --by Test >/dev/null || fail "update 1.1"
BBG_TODAY=2026-10-15 "$bbg" update kronoberg-2019-2023/6.3 --status done --date 2023-11-15 --by Test >/dev/null || fail "update 6.3"
for q in 2021-Q4 2022-Q1 2022-Q4 2026-Q3; do
  BBG_TODAY=2026-10-15 "$bbg" snapshot -q "$q" >/dev/null || fail "snapshot $q"
done
BBG_TODAY=2023-11-20 "$bbg" snapshot -q 2023-Q4 --as-of 2023-11-20 >/dev/null || fail "snapshot 2023-Q4"

# The latest quarter, in Swedish: 2021-Q4 -> 2022-Q1 is one quarter, -> 2022-Q4 three, and so on.
"$bbg" --lang sv report --format html -o "$work/latest.html" || fail "report (latest)"
probe latest
spaced latest 1 3 4 11
printed latest Lägesrapport Nyckeltal Utveckling "alla aktiviteter"
grep -q 'Status per ämnesområde' "$work/latest.page1.txt" && fail "latest: the details begin on page 1, not after the key figures"

# 2023-Q4 in English, with its done and done-and-overdue activities.
"$bbg" --lang en report --format html -q 2023-Q4 -o "$work/2023.html" || fail "report 2023-Q4"
probe 2023
spaced 2023 1 3 4
printed 2023 "Status report" "Key figures" kronoberg-2019-2023 jonkoping-2020-2023 ljungby-allas-barn "Rounds missed" Trend
grep -q 'data-part="done-overdue"' "$work/2023.html" || fail "2023: no striped part for the activity that is done and overdue"
grep -q '20 November 2023' "$work/2023.html" || fail "2023: the date is not written as English writes it"

# Thirty quarters in a row: labels thinned out or set on a second row, never clipped or overlapping.
for year in 2019 2020 2021 2022 2023 2024 2025 2026; do
  for n in 1 2 3 4; do
    q=$year-Q$n
    [[ $q > 2019-Q1 && $q < 2026-Q4 ]] || continue
    BBG_TODAY=2026-10-15 "$bbg" snapshot -q "$q" --replace >/dev/null || fail "snapshot $q"
  done
done
"$bbg" --lang sv report --format html -o "$work/many.html" || fail "report (many quarters)"
probe many
[ "$(wc -w <<<"$trend_x")" = 30 ] || fail "many: $(wc -w <<<"$trend_x") trend points, expected 30"
spaced many $(printf '1 %.0s' $(seq 29))

if [ $status -ne 0 ] && [ -s "$work/chromium.log" ]; then
  echo "--- chromium's messages:"
  grep -v -e dbus -e Fontconfig -e "unexpected operator" "$work/chromium.log" | tail -20
fi
exit $status
