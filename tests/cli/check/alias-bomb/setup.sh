cp "$FIXTURES/hostile/alias-bomb.yaml" plans/
