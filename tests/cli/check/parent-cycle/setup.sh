cp "$FIXTURES/hostile/parent-cycle-a.yaml" "$FIXTURES/hostile/parent-cycle-b.yaml" plans/
