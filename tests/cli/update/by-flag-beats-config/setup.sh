cp -r "$FIXTURES/repos/reports/plans/." plans/
echo "by: Processledaren" > bbg.yaml
