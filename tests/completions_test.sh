#!/usr/bin/env bash
# Loads each completion script in its shell and checks what it completes: commands, flags,
# enumerated values and plan/activity ids read live from a repository. zsh: the script loads,
# registers _bbg for bbg, and completes in a pseudo-terminal driven by zsh/zpty.
set -u
bbg=$1
src=$2
fixtures=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/repo/plans"
ln -s "$bbg" "$work/bin/bbg"
cp "$fixtures/repos/reports/plans/"*.yaml "$work/repo/plans/"
export PATH="$work/bin:$PATH"
cd "$work/repo"
status=0
expect() {  # expect NAME "completions..." WORD...
  local name=$1 got=$2
  shift 2
  for word in "$@"; do
    if ! grep -qx -- "$word" <<<"$got"; then
      echo "$name: '$word' not offered; got: $(tr '\n' ' ' <<<"$got")"
      status=1
    fi
  done
}

bash_complete() {  # the words of a command line; the last one is being completed
  bash -c '
    source "$0"
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _bbg
    printf "%s\n" "${COMPREPLY[@]}"' "$src/completions/bbg.bash" "$@"
}
expect "bash: commands" "$(bash_complete bbg s)" status stale show snapshot snapshots
expect "bash: check flags" "$(bash_complete bbg check --)" --format --strict
expect "bash: check formats" "$(bash_complete bbg check --format '')" text json github junit sarif
expect "bash: report formats" "$(bash_complete bbg status --format '')" table json csv markdown
expect "bash: --by" "$(bash_complete bbg status --by '')" plan area owner
expect "bash: statuses" "$(bash_complete bbg update plan-a/1.1 --status '')" planned in_progress done delayed cancelled
expect "bash: activity ids" "$(bash_complete bbg show plan-)" plan-a/1.1 plan-a/2.2 plan-b/1.1
expect "bash: plan ids" "$(bash_complete bbg overdue --plan '')" plan-a plan-b
expect "bash: add subcommands" "$(bash_complete bbg add '')" activity area
expect "bash: add activity flags" "$(bash_complete bbg add activity --)" --title --owner --due --dry-run
expect "bash: plan files" "$(bash_complete bbg check plans/plan-)" plans/plan-a.yaml plans/plan-b.yaml

fish_complete() { fish -c "source $src/completions/bbg.fish; complete -C '$1'" | cut -f1; }
expect "fish: commands" "$(fish_complete 'bbg s')" status stale show snapshot snapshots
expect "fish: check formats" "$(fish_complete 'bbg check --format ')" text json github junit sarif
expect "fish: statuses" "$(fish_complete 'bbg update plan-a/1.1 --status ')" planned done cancelled
expect "fish: activity ids" "$(fish_complete 'bbg show ')" plan-a/1.1 plan-b/1.1
expect "fish: --by" "$(fish_complete 'bbg status --by ')" plan area owner
expect "fish: overdue flags" "$(fish_complete 'bbg overdue --')" --fail-on-overdue --as-of --plan

zsh -n "$src/completions/_bbg" || { echo "zsh: syntax error in _bbg"; status=1; }
zsh_line() { zsh -f "$src/tests/zsh_complete.zsh" "$src/completions" "$work/repo" "$1"; }
zsh_expect() {  # zsh_expect 'typed' 'the line then holds this'
  local got
  got=$(zsh_line "$1")
  grep -qF -- "$2" <<<"$got" || { echo "zsh: '$1' + TAB gave '$got', expected '$2'"; status=1; }
}
zsh_expect "bbg stat" "bbg status"
zsh_expect "bbg overdue --fail" "bbg overdue --fail-on-overdue"
zsh_expect "bbg status --by ow" "bbg status --by owner"
zsh_expect "bbg show plan-b/" "bbg show plan-b/1.1"
zsh_expect "bbg update plan-a/1.1 --status can" "--status cancelled"
zsh_expect "bbg check --format sa" "--format sarif"
loaded=$(zsh -f -c "fpath=($src/completions \$fpath); autoload -Uz compinit; compinit -u -d $work/zcompdump; print -r -- \$_comps[bbg]")
[ "$loaded" = "_bbg" ] || { echo "zsh: _bbg is not registered for bbg (got '$loaded')"; status=1; }

[ $status -eq 0 ] && echo "completions: bash, fish and zsh ok"
exit $status
