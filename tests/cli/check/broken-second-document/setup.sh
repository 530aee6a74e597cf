cp "$FIXTURES/hostile/broken-second-document.yaml" plans/
