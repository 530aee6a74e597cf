cp "$FIXTURES/hostile/cr-only-line-endings.yaml" plans/
