cp "$FIXTURES/hostile/semantic-status-mismatch.yaml" plans/
