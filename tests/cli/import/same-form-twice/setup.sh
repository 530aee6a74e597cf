cp -r "$FIXTURES/repos/reports/plans/." plans/
"$BBG" followup --as-of 2022-01-15 --owner Styrgruppen --lang sv -o form.csv 2>/dev/null
sed -i "2s/;;;;\r\$/;klar;2022-01-14;Klart;\r/" form.csv
BBG_TODAY=2022-01-15 "$BBG" import form.csv >/dev/null 2>&1
