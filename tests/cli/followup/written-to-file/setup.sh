cp -r "$FIXTURES/repos/reports/plans/." plans/
