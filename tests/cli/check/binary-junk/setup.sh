# 512 bytes of fixed binary junk (NUL, controls, invalid UTF-8, a terminal escape), generated so that none is committed.
for i in $(seq 32); do printf '\x00\x01\x7f\x80\xff\xfe\x1b[2J\x89PNG\r\n'; done > plans/junk.yaml
test "$(wc -c < plans/junk.yaml)" -eq 512
