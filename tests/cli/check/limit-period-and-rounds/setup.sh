cp "$FIXTURES/hostile/recurring-millennia.yaml" plans/
