#!/usr/bin/python3
"""Untimed preprocessing for ajv-cli: copy plan files with every unquoted YYYY-MM-DD value quoted.

    quote_dates.py SRC_DIR DST_DIR

ajv-cli reads .yaml with js-yaml 3's safeLoad, whose schema turns an unquoted 2021-06-16 into
a JavaScript Date, which the plan schema (type: string) rejects. A YAML 1.2 core reader (bbg,
js-yaml's CORE_SCHEMA) reads it as the string "2021-06-16"; quoting gives ajv-cli the same
data. Only whole plain values of the form YYYY-MM-DD (after `key: ` or `- `) are touched, so
the copies are the same documents, 2 bytes longer per date.
"""
import os
import re
import sys

DATE = re.compile(r"^(\s*(?:- )?(?:[A-Za-z_]+: )?)(\d{4}-\d{2}-\d{2})[ \t]*$", re.M)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    count = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(DATE.sub(r'\1"\2"', text))
        count += 1
    print(f"quoted dates in {count} files into {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
