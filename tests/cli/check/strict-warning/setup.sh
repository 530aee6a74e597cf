cp "$FIXTURES/hostile/semantic-outside-period.yaml" plans/
