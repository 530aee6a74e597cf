cp "$FIXTURES/hostile/recurring-open-ended.yaml" plans/
