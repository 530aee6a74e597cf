cp -r "$FIXTURES/repos/reports/plans/." plans/
echo "filled in already" > form.csv
