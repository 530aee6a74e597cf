cp "$FIXTURES/hostile/unique-items-bomb.yaml" plans/
