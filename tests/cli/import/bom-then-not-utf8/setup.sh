cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
cp "$FIXTURES/hostile/forms/bom-then-windows-1252.csv" form.csv
