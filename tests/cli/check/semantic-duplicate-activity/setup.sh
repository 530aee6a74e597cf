cp "$FIXTURES/hostile/semantic-duplicate-activity.yaml" plans/
