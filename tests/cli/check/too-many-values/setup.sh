# 260,000 list items in about 1 MB (just under the size limit): over the limit on values per file.
{ echo "schema_version: 1"; echo "goals:"; yes -- '- x' | head -n 260000; } > plans/many.yaml
