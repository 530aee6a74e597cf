cp -r "$FIXTURES/repos/reports/plans/." plans/
printf 'plan;aktivitet;ny_status;notering\r\nplan-b;1.1;p\345g\345r;M\366te med skolorna \226 bra\r\n' > form.csv
