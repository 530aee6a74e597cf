cp "$FIXTURES/hostile/tag-unclosed-quote.yaml" plans/
