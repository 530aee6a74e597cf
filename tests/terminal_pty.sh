#!/usr/bin/env bash
# What a person sees in a terminal, run in a real pseudo-terminal (util-linux `script`): tables
# fit its width, colour only there and never with NO_COLOR, long output goes through the pager
# (and not with --no-pager, nor when piped), and the progress bar has its legend.
# Usage: terminal_pty.sh BBG REPO_ROOT
set -u
bbg=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo" "$work/home"
cp -r "$root/plans" "$root/owners.yaml" "$work/repo/"
export HOME=$work/home BBG_TODAY=2021-06-30 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm
unset NO_COLOR COLUMNS PAGER LESS
status=0
fail() { echo "FAIL: $*"; status=1; }

# in_pty COLS COMMAND...: the command's output as a terminal of COLS columns shows it.
in_pty() {
  local cols=$1; shift
  local cmd
  printf -v cmd '%q ' "$@"
  script -qec "stty cols $cols rows 40; cd $(printf %q "$work/repo") && $cmd" /dev/null | tr -d '\r'
}
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
widest() { plain | wc -L; }

for cols in 80 100; do
  for c in "status" "status --by owner" "status --by area" "status --by area --lang sv" "overdue" "stale" "status --lang sv" "overdue --lang sv" "stale --lang sv"; do
    # shellcheck disable=SC2086
    w=$(in_pty "$cols" env PAGER=cat "$bbg" $c | widest)
    [ "$w" -le "$cols" ] || fail "bbg $c is $w columns wide in a terminal of $cols"
  done
done
# Numbers are never cut: every count of the bundled status is on the 80-column table.
in_pty 80 env PAGER=cat "$bbg" status | plain >"$work/status80"
"$bbg" --root "$work/repo" status --format csv >"$work/status.csv"
# The Total row of the CSV (its counts) is in the table, in order.
total=$(grep '^Total' "$work/status.csv" | tr -d '\r' | cut -d, -f3-10 | tr ',' ' ')
grep -q "^Total *$(echo "$total" | sed 's/ /  */g')" "$work/status80" || fail "the 80-column table lost counts: want $total in: $(grep '^Total' "$work/status80")"

# Colour on a terminal; none with NO_COLOR, none when piped.
in_pty 100 env PAGER=cat "$bbg" overdue | grep -q $'\x1b\[' || fail "no colour on a terminal"
in_pty 100 env PAGER=cat NO_COLOR=1 "$bbg" overdue | grep -q $'\x1b\[' && fail "colour although NO_COLOR is set"
(cd "$work/repo" && "$bbg" overdue) | grep -q $'\x1b\[' && fail "colour in a pipe"

# The legend of the bar's characters under the status table, in the language of the labels.
in_pty 200 env PAGER=cat "$bbg" status | plain | grep -q '^Progress: █ done  ▓ in progress  ▒ overdue' || fail "no legend under the bar"
in_pty 200 env PAGER=cat "$bbg" status --lang sv | plain | grep -q '^Fördelning: █ klar  ▓ pågår  ▒ förfallen' || fail "no Swedish legend"
# No bar, no legend: a narrow terminal leaves the bar out, and with it the legend.
in_pty 80 env PAGER=cat "$bbg" status | grep -q 'Progress:' && fail "a legend for a bar that is not shown"

# The pager: $PAGER gets the output on a terminal; --no-pager and a pipe bypass it.
rm -f "$work/paged"
in_pty 100 env PAGER="cat > $work/paged" "$bbg" overdue >"$work/screen"
grep -q 'kronoberg-2019-2023' "$work/paged" 2>/dev/null || fail "the pager did not get the output"
grep -q 'kronoberg-2019-2023' "$work/screen" && fail "output went around the pager"
grep -q $'\x1b\[' "$work/paged" || fail "the pager's output lost its colour"
rm -f "$work/paged"
in_pty 100 env PAGER="cat > $work/paged" "$bbg" overdue --no-pager | grep -q 'kronoberg-2019-2023' || fail "--no-pager printed nothing"
[ -e "$work/paged" ] && fail "--no-pager started the pager"
(cd "$work/repo" && PAGER="cat > $work/paged" "$bbg" overdue >/dev/null)
[ -e "$work/paged" ] && fail "the pager started although stdout is a pipe"
# The default, less -FRX, quits at once on a short output and leaves it on the screen.
in_pty 100 "$bbg" status --plan ljungby-allas-barn </dev/null | plain | grep -q 'ljungby-allas-barn' || fail "less -FRX did not show a short output"
# A pager that quits at once (the reader pressed q) is no error.
in_pty 100 env PAGER=true "$bbg" overdue >/dev/null
in_pty 100 sh -c "PAGER=true $(printf %q "$bbg") overdue; echo exit=\$?" | grep -q 'exit=0' || fail "quitting the pager early is an error"

[ "$status" = 0 ] && echo "terminal: widths, colour, legend and pager as a person sees them"
exit $status
