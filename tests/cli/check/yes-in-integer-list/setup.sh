cp "$FIXTURES/hostile/yes-in-integer-list.yaml" plans/
