cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
printf 'csv_bom: "yes"\n' > bbg.yaml
