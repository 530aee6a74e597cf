cp -r "$FIXTURES/../../plans/." plans/
