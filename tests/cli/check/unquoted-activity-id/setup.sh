cp "$FIXTURES/hostile/unquoted-activity-id.yaml" plans/
