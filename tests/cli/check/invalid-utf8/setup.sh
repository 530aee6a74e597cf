cp "$FIXTURES/hostile/invalid-utf8.yaml" plans/
