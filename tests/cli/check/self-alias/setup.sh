cp "$FIXTURES/hostile/self-alias.yaml" plans/
