cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
printf 'language: [\n' > bbg.yaml
