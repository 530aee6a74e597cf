cp "$FIXTURES/hostile/recurring-over-plan-limit.yaml" plans/
