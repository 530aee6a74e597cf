# bash completion for bbg. Commands and flags come live from `bbg __complete`, so they never go stale.
_bbg() {
  local cur prev cmd i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --root|--color|--lang) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  case $prev in
    --root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en sv" -- "$cur")); return ;;
    --format|-f) COMPREPLY=($(compgen -W "text json github junit sarif" -- "$cur")); return ;;
  esac
  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W "$(bbg __complete commands 2>/dev/null) --root --color --lang --version --help" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(bbg __complete flags "$cmd" 2>/dev/null)" -- "$cur"))
    return
  fi
  case $cmd in
    check) COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -d -- "$cur")) ;;
  esac
}
complete -F _bbg bbg
