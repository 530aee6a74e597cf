cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
cp "$FIXTURES/hostile/valid-minimal.yaml" plans/draft.yml
