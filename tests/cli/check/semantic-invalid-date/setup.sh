cp "$FIXTURES/hostile/semantic-invalid-date.yaml" plans/
