cp -r "$FIXTURES/../../plans/." plans/
cp "$FIXTURES/../../owners.yaml" owners.yaml
echo 'language: sv' > ../outside.yaml; ln -s ../outside.yaml bbg.yaml
