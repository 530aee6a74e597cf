cp -r "$FIXTURES/repos/reports/plans/." plans/
# Titles a pull request could write: raw HTML and a javascript: link must reach Markdown as text.
sed -i 's|        title: Utbilda chefer|        title: "Utbilda <script>alert(1)</script> [chefer](javascript:alert(2)) *nu* \|x\|"|' plans/plan-a.yaml
grep -q "<script>" plans/plan-a.yaml || exit 1
