cp "$FIXTURES/hostile/two-errors-one-warning.yaml" plans/
