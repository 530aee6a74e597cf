echo "# Plans" > plans/README.md
cp "$FIXTURES/hostile/valid-minimal.yaml" plans/draft.yml
