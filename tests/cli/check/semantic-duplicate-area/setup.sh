cp "$FIXTURES/hostile/semantic-duplicate-area.yaml" plans/
