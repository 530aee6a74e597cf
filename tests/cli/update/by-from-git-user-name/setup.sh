cp -r "$FIXTURES/repos/reports/plans/." plans/
git init -q . && git config user.name "Anna Andersson"
