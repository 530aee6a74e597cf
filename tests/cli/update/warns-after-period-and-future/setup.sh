"$BBG" new plan x-test --title "Test" --organisation "Testkommun" --period 2024..2025 >/dev/null
"$BBG" add area x-test --title Trygghet >/dev/null
"$BBG" add activity x-test/1 --title Kartlägga --due 2025 >/dev/null
