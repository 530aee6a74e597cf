cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
echo 'language: sv  # the steering group reads Swedish' > bbg.yaml
