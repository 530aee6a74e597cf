"$BBG" new plan x-test --title "Test" --organisation "Testkommun" --period 2024..2027 >/dev/null
