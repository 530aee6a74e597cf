cp "$FIXTURES/hostile/tag-custom.yaml" plans/
