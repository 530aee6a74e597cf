cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan;aktivitet;titel;ny_status\r\nplan-a;1.1;Utbilda chefer;klar\r\n' > form.csv
