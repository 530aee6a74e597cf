cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan;aktivitet;ny_status\r\nplan-a;2.2;klar\r\n' > form.csv
