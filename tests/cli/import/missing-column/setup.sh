cp -r "$FIXTURES/repos/reports/plans/." plans/
printf "plan,activity,status\nplan-a,1.2,done\n" > form.csv
