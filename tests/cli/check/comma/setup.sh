cp "$FIXTURES/hostile/comma.yaml" plans/
