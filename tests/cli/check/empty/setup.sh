cp "$FIXTURES/hostile/empty.yaml" plans/
