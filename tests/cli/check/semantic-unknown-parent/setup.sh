cp "$FIXTURES/hostile/semantic-unknown-parent.yaml" plans/
