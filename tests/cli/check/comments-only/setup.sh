cp "$FIXTURES/hostile/comments-only.yaml" plans/
