cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan;aktivitet;ny_status;notering\r\nplan-b;1.1;pågår;"Rad ett\r\nrad två"\r\n' > form.csv
