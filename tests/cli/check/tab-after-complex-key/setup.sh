cp "$FIXTURES/hostile/tab-after-complex-key.yaml" plans/
