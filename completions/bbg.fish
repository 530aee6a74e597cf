# fish completion for bbg.
complete -c bbg -f
complete -c bbg -n __fish_use_subcommand -a '(bbg __complete commands 2>/dev/null)'
complete -c bbg -l root -r -a '(__fish_complete_directories)' -d 'plan repository root'
complete -c bbg -l color -x -a 'auto always never' -d 'colour'
complete -c bbg -l lang -x -a 'en sv' -d 'language of labels'
complete -c bbg -l version -d 'print the version'
complete -c bbg -n '__fish_seen_subcommand_from check' -s f -l format -x -a 'text json github junit sarif' -d 'output format'
complete -c bbg -n '__fish_seen_subcommand_from check' -l strict -d 'warnings fail too'
complete -c bbg -n '__fish_seen_subcommand_from check' -F -a '(__fish_complete_suffix .yaml)'
