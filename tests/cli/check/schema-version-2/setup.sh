cp "$FIXTURES/hostile/schema-version-2.yaml" plans/
