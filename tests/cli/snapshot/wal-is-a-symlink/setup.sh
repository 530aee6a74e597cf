cp -r "$FIXTURES/repos/reports/plans/." plans/
mkdir -p .bbg ../outside
ln -s ../outside/victim .bbg/bbg.db-wal
