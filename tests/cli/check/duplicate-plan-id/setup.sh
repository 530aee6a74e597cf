cp "$FIXTURES/hostile/valid-minimal.yaml" plans/a.yaml
mkdir plans/sub
cp "$FIXTURES/hostile/valid-minimal.yaml" plans/sub/b.yaml
