# SARIF's artifactLocation.uri is a URI reference: a space, "#", "%" and "ä" in a file name
# are percent-encoded.
printf 'schema_version: 1\nid: [\n' > "plans/a b#100%ä.yaml"
