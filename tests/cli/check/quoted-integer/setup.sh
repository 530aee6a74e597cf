cp "$FIXTURES/hostile/quoted-integer.yaml" plans/
