# a title of 100,000 characters on one line.
{ head -n 2 "$FIXTURES/hostile/valid-minimal.yaml"; printf "title: "; head -c 100000 /dev/zero | tr "\0" "x"; echo; tail -n +4 "$FIXTURES/hostile/valid-minimal.yaml"; } > plans/long.yaml
