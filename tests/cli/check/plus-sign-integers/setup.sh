cp "$FIXTURES/hostile/plus-sign-integers.yaml" plans/
