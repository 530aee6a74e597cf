cp "$FIXTURES/hostile/semantic-deadline-q5.yaml" plans/
