cp -r "$FIXTURES/repos/reports/plans/." plans/
chmod a-w plans/plan-a.yaml
