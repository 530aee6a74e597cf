cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan;aktivitet;omgång;ny_status\nplan-a;1.2;;klar\nplan-a;2.2;2021-06-30;klar\n' > form.csv
