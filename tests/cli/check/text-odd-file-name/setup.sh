# A file name with an escape sequence, a line break and a space: the text report shows them
# escaped, so that a name cannot colour or split the terminal output.
printf 'schema_version: 1\nid: [\n' > "plans/$(printf 'esc\033[31m new\nline.yaml')"
