cp "$FIXTURES/hostile/schema-version-quoted.yaml" plans/
