cp -r "$FIXTURES/repos/reports/plans/." plans/
mkdir -p .bbg && head -c 4096 /dev/zero | tr "\\0" x > .bbg/bbg.db
