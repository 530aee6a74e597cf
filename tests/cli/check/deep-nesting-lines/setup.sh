# 100,000 nested flow lists, one bracket per line (about 400 KB, under the size limit).
{ echo "schema_version: 1"; echo "goals:"; yes "  [" | head -n 100000; yes "  ]" | head -n 100000; } > plans/deep.yaml
