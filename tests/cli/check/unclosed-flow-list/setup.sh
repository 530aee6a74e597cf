cp "$FIXTURES/hostile/unclosed-flow-list.yaml" plans/
