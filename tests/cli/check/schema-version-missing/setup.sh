cp "$FIXTURES/hostile/schema-version-missing.yaml" plans/
