# File names may hold bytes XML cannot: an escape character and a Latin-1 byte. The report must
# stay well-formed XML (they become U+FFFD).
printf 'schema_version: 1\nid: [\n' > "plans/$(printf 'esc\033[31m-\366.yaml')"
