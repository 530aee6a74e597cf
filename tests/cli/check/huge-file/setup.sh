# 50 MB: refused by size before it is read (the limit is 1 MiB).
head -c 52428800 /dev/zero | tr "\0" "#" > plans/huge.yaml
