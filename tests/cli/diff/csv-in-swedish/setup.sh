cp -r "$FIXTURES/repos/reports/plans/." plans/
"$BBG" snapshot -q 2021-Q1 >/dev/null
"$BBG" snapshot -q 2022-Q1 >/dev/null
