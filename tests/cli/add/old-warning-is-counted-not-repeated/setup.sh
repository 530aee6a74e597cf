"$BBG" new plan x-test --title "Test" --organisation "Testkommun" --period 2024..2027 >/dev/null
"$BBG" add area x-test --title Trygghet >/dev/null
"$BBG" add activity x-test/1 --title Kartlägga --due 2030 >/dev/null 2>&1
