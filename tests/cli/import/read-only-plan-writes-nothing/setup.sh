cp -r "$FIXTURES/repos/reports/plans/." plans/
printf '\357\273\277plan;aktivitet;titel;ansvariga;omgång;deadline;status;ny_status;datum;notering;av\r\nplan-a;1.2;Utbilda chefer;Styrgruppen, Processledarna;;2021-12-31;planerad;Pågår;2022-01-10;"Första gruppen; 12 chefer";\r\nplan-a;2.2;Nulägesanalys;Processledarna;2021-11-30;2021-11-30;pågår;klar;2021-12-01;;Anna\r\nplan-b;1.1;Öka närvaron i skolan;Processledarna, Skolan;;2021-03-31;pågår;klar;;;\r\n' > form.csv
chmod a-w plans/plan-b.yaml
