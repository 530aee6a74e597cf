# A plan file whose name holds an ESC and a line break (a pull request can commit one).
printf 'schema_version: 1\nid: x\n' > "plans/a$(printf '\033')[31mb$(printf '\n')c.yaml"
