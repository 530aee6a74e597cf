cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
cp "$FIXTURES/hostile/forms/duplicate-column.csv" form.csv
