# A title line of exactly 10,000 bytes (the limit) passes, with LF and with CRLF line ends.
{ head -n 2 "$FIXTURES/hostile/valid-minimal.yaml"; printf "title: "; head -c 9993 /dev/zero | tr "\0" "x"; echo; tail -n +4 "$FIXTURES/hostile/valid-minimal.yaml"; } > plans/lf.yaml
sed 's/$/\r/' plans/lf.yaml | sed 's/^id: test-plan/id: crlf-plan/' > plans/crlf.yaml
