cp -r "$FIXTURES/repos/reports/plans/." plans/
git init -q . && git add plans && git -c user.name=t -c user.email=t@t commit -qm one
"$BBG" update plan-a/1.2 --status done --date 2022-01-05 >/dev/null
"$BBG" add activity plan-b/1 --title "Ny aktivitet" --due 2022-06 >/dev/null
git -c user.name=t -c user.email=t@t commit -qam two
"$BBG" update plan-b/1.1 --status klar --date 2022-01-20 >/dev/null
