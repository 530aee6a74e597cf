cp "$FIXTURES/hostile/duplicate-key-top.yaml" plans/
