cp -r "$FIXTURES/repos/reports/plans/." plans/
git init -q . && git add plans && git -c user.name=t -c user.email=t@t commit -qm one
"$BBG" update plan-a/1.2 --status done --date 2021-05-05 >/dev/null
