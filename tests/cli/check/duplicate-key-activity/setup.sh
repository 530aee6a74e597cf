cp "$FIXTURES/hostile/duplicate-key-activity.yaml" plans/
