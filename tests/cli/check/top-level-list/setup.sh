cp "$FIXTURES/hostile/top-level-list.yaml" plans/
