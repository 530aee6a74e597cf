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
      *) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}; fi ;;
    esac
  done
  case $prev in
    --root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en sv" -- "$cur")); return ;;
    --by) if [ "$cmd" = status ]; then COMPREPLY=($(compgen -W "plan area owner" -- "$cur")); fi; return ;;
    --csv-sep) COMPREPLY=($(compgen -W "',' ';' $'\t'" -- "$cur")); return ;;
    --plan) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete plans 2>/dev/null)" -- "$cur")); return ;;
    --owner|-o)
      # Owner names hold spaces ("Ljungby kommun"): one candidate per line.
      local IFS=$'\n'
      COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete owners 2>/dev/null)" -- "$cur"))
      return ;;
    --as-of|--days|--note|-m|--date|--by|--round|--title|-t|--due|--start|--id|--follow-up|--organisation|--period) return ;;
    --status|-s) COMPREPLY=($(compgen -W "$(bbg __complete statuses 2>/dev/null)" -- "$cur")); return ;;
    --level) COMPREPLY=($(compgen -W "county region municipality organisation" -- "$cur")); return ;;
    --parent) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete plans 2>/dev/null)" -- "$cur")); return ;;
    --db|--output|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --quarter|-q) return ;;
    --format|-f)
      if [ "$cmd" = report ]; then
        COMPREPLY=($(compgen -W "markdown html" -- "$cur"))
      elif [ "$cmd" = check ]; then
        COMPREPLY=($(compgen -W "text json github junit sarif" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "table json csv markdown" -- "$cur"))
      fi
      return ;;
  esac
  if [ -z "$cmd" ]; then
    COMPREPLY=($(compgen -W "$(bbg __complete commands 2>/dev/null) --root --color --lang --no-pager --version --help" -- "$cur"))
    return
  fi
  # add and new have a second level: add activity|area, new plan.
  local sub=""
  if [ "$cmd" = add ] || [ "$cmd" = new ]; then
    for ((i = 2; i < COMP_CWORD; i++)); do
      case ${COMP_WORDS[i]} in activity|area|plan) sub=${COMP_WORDS[i]}; break ;; esac
    done
    if [ -z "$sub" ]; then
      COMPREPLY=($(compgen -W "$(bbg __complete commands "$cmd" 2>/dev/null)" -- "$cur"))
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(bbg __complete flags "$cmd" $sub 2>/dev/null)" -- "$cur"))
    return
  fi
  case $cmd in
    update) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete activities 2>/dev/null)" -- "$cur")) ;;
    init) COMPREPLY=($(compgen -d -- "$cur")) ;;
    diff) COMPREPLY=($(compgen -W "now $(git tag 2>/dev/null) $(git branch --format='%(refname:short)' 2>/dev/null)" -- "$cur")) ;;
    check) COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -d -- "$cur")) ;;
    show) COMPREPLY=($(compgen -W "$(bbg "${global[@]}" __complete activities 2>/dev/null)" -- "$cur")) ;;
  esac
}
complete -F _bbg bbg
