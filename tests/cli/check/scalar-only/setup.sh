cp "$FIXTURES/hostile/scalar-only.yaml" plans/
