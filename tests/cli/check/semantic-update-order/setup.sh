cp "$FIXTURES/hostile/semantic-update-order.yaml" plans/
