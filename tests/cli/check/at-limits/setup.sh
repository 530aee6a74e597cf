cp "$FIXTURES/hostile/recurring-at-limits.yaml" plans/
