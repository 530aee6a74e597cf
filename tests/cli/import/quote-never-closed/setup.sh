cp -r "$FIXTURES/repos/reports/plans/." plans/
printf "plan;aktivitet;ny_status;notering\nplan-a;1.2;klar;\"open\n" > form.csv
