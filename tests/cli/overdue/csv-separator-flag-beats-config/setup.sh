cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
printf "language: sv\ncsv_separator: \";\"\ncsv_bom: true\n" > bbg.yaml
