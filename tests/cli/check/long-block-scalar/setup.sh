# a block scalar of 100,000 characters in 1,250 lines of 80: over the scalar limit.
{ head -n 3 "$FIXTURES/hostile/valid-minimal.yaml"; echo "notes: |"; for i in $(seq 1250); do printf "  %080d\n" 0; done; tail -n +4 "$FIXTURES/hostile/valid-minimal.yaml"; } > plans/long.yaml
