cp -r "$FIXTURES/repos/reports/plans/." plans/
mkdir form.csv
