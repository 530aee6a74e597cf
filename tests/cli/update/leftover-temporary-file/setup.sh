cp -r "$FIXTURES/repos/reports/plans/." plans/
# What a write killed between creating its temporary file and renaming it leaves behind.
printf "half a plan" > plans/.plan-a.yaml.bbg-Ab3xYz
