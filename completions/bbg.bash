# bash completion for bbg. Commands, flags and ids come live from `bbg __complete`, so they
# never go stale.
_bbg() {
  local cur prev cmd i global=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --root) global+=(--root "${COMP_WORDS[i+1]}"); ((i++)) ;;
      --color|--lang) ((i++)) ;;
      -*) ;;
      *) [ -z "$cmd" ] && cmd=${COMP_WORDS[i]} ;;
    esac
  done
  case $prev in
    --root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en sv" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "plan area owner" -- "$cur")); return ;;
    --csv-sep) COMPREPLY=($(compgen -W "',' ';'" -- "$cur")); return ;;
    --plan) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete plans 2>/dev/null)" -- "$cur")); return ;;
    --as-of|--days|--owner) return ;;
    --format|-f)
      if [ "$cmd" = check ]; then
        COMPREPLY=($(compgen -W "text json github junit sarif" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "table json csv markdown" -- "$cur"))
      fi
      return ;;
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
    show) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete activities 2>/dev/null)" -- "$cur")) ;;
  esac
}
complete -F _bbg bbg
