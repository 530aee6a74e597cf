cp "$FIXTURES/hostile/tab-indentation.yaml" plans/
