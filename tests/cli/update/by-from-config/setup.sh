cp -r "$FIXTURES/repos/reports/plans/." plans/
echo "by: Processledaren" > bbg.yaml
git init -q . && git config user.name "Someone Else"
