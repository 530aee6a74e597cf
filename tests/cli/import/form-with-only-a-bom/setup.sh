cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
cp "$FIXTURES/hostile/forms/only-bom.csv" form.csv
