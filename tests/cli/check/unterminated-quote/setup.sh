cp "$FIXTURES/hostile/unterminated-quote.yaml" plans/
