#!/usr/bin/env zsh -f
# Drives zsh's real completion in a pseudo-terminal (zsh/zpty): types a command line and TAB,
# and prints what the line became. Usage: zsh_complete.zsh COMPLETIONS_DIR REPO 'bbg stat'
zmodload zsh/zpty
dir=$1 repo=$2 input=$3
zpty z "zsh -f -i"
zpty -w z "PS1='> '; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -d ${TMPDIR:-/tmp}/bbg-zcompdump-$$; cd $repo"
zpty -n -w z "$input"$'\t'
out=""
for i in {1..15}; do
  sleep 0.2
  while zpty -r -t z chunk; do out+=$chunk; done
done
zpty -d z
rm -f ${TMPDIR:-/tmp}/bbg-zcompdump-$$
# The last line as shown, without terminal escapes.
print -r -- "${out}" | tr -d '\r' | sed -e 's/\x1b\[[0-9;?]*[a-zA-Z]//g' -e 's/.\x08//g' | tail -n 1
