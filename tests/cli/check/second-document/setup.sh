cp "$FIXTURES/hostile/second-document.yaml" plans/
