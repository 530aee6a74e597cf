cp -r "$FIXTURES/repos/reports/plans/." plans/
# A pull request that makes .bbg a link out of the repository: bbg writes nothing through it.
mkdir -p ../outside
ln -s ../outside .bbg
