cp "$FIXTURES/hostile/escaped-c1-control.yaml" plans/
