#!/usr/bin/env bash
# Every #include "..." of src/ follows an arrow docs/ARCHITECTURE.md allows (its include-graph
# block: "FOLDER -> FOLDERS IT MAY INCLUDE"), and each third-party header is included only in the
# folder that owns it. Prints every arrow that is not allowed.
set -u
src=$1/src
doc=$1/docs/ARCHITECTURE.md
status=0
declare -A allowed
block=$(awk '/^```include-graph$/{on=1; next} /^```$/{on=0} on' "$doc")
[ -n "$block" ] || { echo "no include-graph block in $doc"; exit 1; }
while read -r from arrow rest; do
  [ "$arrow" = "->" ] || { echo "bad line in the include-graph block: $from $arrow $rest"; exit 1; }
  allowed[$from]=" $from $rest "
done <<<"$block"
checked=0
while IFS= read -r -d '' file; do
  rel=${file#"$src"/}
  from=${rel%%/*}
  [ "$from" = "$rel" ] && from=main  # src/main.cpp
  [ -n "${allowed[$from]+x}" ] || { echo "$rel: folder $from is not in the include-graph block"; status=1; continue; }
  while IFS= read -r include; do
    to=${include%%/*}
    checked=$((checked + 1))
    case "${allowed[$from]}" in
      *" $to "*) ;;
      *) echo "$rel includes \"$include\": $from -> $to is not allowed by docs/ARCHITECTURE.md"; status=1 ;;
    esac
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
done < <(find "$src" -name '*.cpp' -print0 -o -name '*.hpp' -print0)
[ "$checked" -gt 100 ] || { echo "only $checked includes found: is $src the source folder?"; status=1; }
# Third-party headers, each in the folder that owns it.
owner() {  # owner PATTERN FOLDER
  local hits
  hits=$(grep -rlE "^#include <$1" "$src" | grep -v "^$src/$2/" || true)
  [ -z "$hits" ] || { echo "<$1...> is included outside src/$2: $hits"; status=1; }
}
owner 'libfyaml' yaml
owner 'sqlite3\.h' store
owner 'valijson/' check
owner 'openssl/' util
owner 'CLI/' cli
[ $status -eq 0 ] && echo "include graph: $checked includes, every arrow allowed"
exit $status
