cp -r "$FIXTURES/repos/broken/plans/." plans/
