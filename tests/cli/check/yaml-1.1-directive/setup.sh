cp "$FIXTURES/hostile/yaml-1.1-directive.yaml" plans/
