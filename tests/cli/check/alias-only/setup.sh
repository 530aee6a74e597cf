cp "$FIXTURES/hostile/alias-only.yaml" plans/
