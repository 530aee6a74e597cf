cp "$FIXTURES/hostile/block-of-blank-lines.yaml" plans/
