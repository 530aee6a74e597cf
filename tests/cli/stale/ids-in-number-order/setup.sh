cp "$FIXTURES/../../plans/hoor-barn-och-unga.yaml" plans/
