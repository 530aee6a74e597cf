mkdir -p drafts
cp "$FIXTURES/hostile/valid-minimal.yaml" drafts/test-plan.yaml
ln -s ../drafts/test-plan.yaml plans/test-plan.yaml
