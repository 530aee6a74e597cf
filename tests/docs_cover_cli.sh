#!/usr/bin/env bash
# Fails when a command or flag exists in the CLI but not in the man page or the zsh and fish
# completions (bash completion asks bbg itself). The CLI is asked through `bbg __complete`.
set -u
bbg=$1
src=$2
man="$src/man/bbg.1"
status=0
commands=()
for cmd in $("$bbg" __complete commands); do
  subs=$("$bbg" __complete commands "$cmd")
  if [ -z "$subs" ]; then commands+=("$cmd"); else for sub in $subs; do commands+=("$cmd $sub"); done; fi
done
for cmd in "${commands[@]}"; do
  grep -q "^\.SS bbg $cmd\b" "$man" || { echo "man page: no section for 'bbg $cmd'"; status=1; }
  grep -q "\b${cmd##* })" "$src/completions/_bbg" || { echo "zsh completion: no case for '$cmd'"; status=1; }
  for flag in $("$bbg" __complete flags $cmd); do
    case $flag in -h|--help) continue ;; esac
    escaped=${flag//-/\\\\-}
    grep -q -- "$escaped" "$man" || { echo "man page: '$cmd $flag' is not described"; status=1; }
    grep -q -- "'$flag\[\|{[^}]*$flag[,}]\|'[(][^)]*$flag" "$src/completions/_bbg" ||
      grep -q -- "$flag\[" "$src/completions/_bbg" || { echo "zsh completion: '$cmd $flag' missing"; status=1; }
    long=${flag#--}
    if [ "$long" != "$flag" ]; then
      grep -q -- "-l $long\b" "$src/completions/bbg.fish" || { echo "fish completion: '$cmd $flag' missing"; status=1; }
    fi
  done
done
[ $status -eq 0 ] && echo "every command and flag is in the man page and the completions"
exit $status
