cp "$FIXTURES/hostile/tag-binary.yaml" plans/
