cp "$FIXTURES/hostile/bom-valid.yaml" plans/
