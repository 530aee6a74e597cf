cp "$FIXTURES/hostile/control-character.yaml" plans/
