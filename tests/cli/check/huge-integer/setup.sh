cp "$FIXTURES/hostile/huge-integer.yaml" plans/
