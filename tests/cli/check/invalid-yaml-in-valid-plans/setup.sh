cp "$FIXTURES"/hostile/invalid-yaml/*.yaml plans/
