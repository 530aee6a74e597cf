cp "$FIXTURES/hostile/valid-minimal.yaml" plans/
mkdir -p shared
sed "s/id: test-plan/id: shared-plan/" "$FIXTURES/hostile/valid-minimal.yaml" > shared/shared.yaml
ln -s ../shared plans/shared
