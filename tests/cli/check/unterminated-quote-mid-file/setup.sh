cp "$FIXTURES/hostile/unterminated-quote-mid-file.yaml" plans/
