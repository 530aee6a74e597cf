cp "$FIXTURES/hostile/comma-bracket.yaml" plans/
