cp -r "$FIXTURES/repos/reports/plans/." plans/
"$BBG" followup --as-of 2022-01-15 -o form.csv 2>/dev/null
