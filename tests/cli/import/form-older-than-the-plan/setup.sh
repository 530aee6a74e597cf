cp -r "$FIXTURES/repos/reports/plans/." plans/
"$BBG" followup --as-of 2022-01-15 --owner Styrgruppen --lang sv -o form.csv 2>/dev/null
"$BBG" update plan-a/1.2 -s klar --date 2022-01-10 >/dev/null 2>&1
sed -i "2s/;;;;\r\$/;pågår;2022-01-14;;\r/" form.csv
