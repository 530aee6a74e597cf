cp "$FIXTURES/hostile/flow-map-key.yaml" plans/
