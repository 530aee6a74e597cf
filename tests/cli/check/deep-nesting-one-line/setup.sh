# 100,000 nested flow lists on one line: 200,000 bytes, over the line-length limit.
{ echo "schema_version: 1"; printf "goals: "; head -c 100000 /dev/zero | tr "\0" "["; head -c 100000 /dev/zero | tr "\0" "]"; echo; } > plans/deep.yaml
