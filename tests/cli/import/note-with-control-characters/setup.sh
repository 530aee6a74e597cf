cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
cp "$FIXTURES/hostile/forms/control-characters.csv" form.csv
