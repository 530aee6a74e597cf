cat > plans/x-test.yaml <<'YAML'
schema_version: 1
id: x-test
title: Test
level: municipality
organisation: Testkommun
parent: null
period:
  start: 2024-01-01
  end: 2027-12-31
areas:
  - id: "1"
    title: Trygghet
    activities:
      - id: "1.1"
        title: A
        status: planned
      - id: "1.1"
        title: B
        status: planned
YAML
