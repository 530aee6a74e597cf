cp "$FIXTURES/hostile/semantic-period-order.yaml" plans/
