cp "$FIXTURES/../../plans/kronoberg-2019-2023.yaml" plans/
