cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
printf 'language: sv\nlanguge: en\n' > bbg.yaml
