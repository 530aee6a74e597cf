#!/usr/bin/python3
"""What a user would otherwise write in Python: PyYAML + jsonschema against the same schema.

    py_check.py [--loader python|c] SCHEMA PATH...

PATH is a plan file or a folder (every *.yaml under it). Loads every file with PyYAML's
SafeLoader minus the timestamp resolver, so that unquoted dates stay strings as in YAML 1.2
and bbg, and validates it with a Draft7Validator compiled once. --loader python (default) is
the pure-Python SafeLoader that yaml.safe_load uses; --loader c is CSafeLoader (libyaml).
Prints one line per invalid file and a count; exit 1 when any file is invalid.
Debian packages: python3-yaml, python3-jsonschema.
"""
import json
import os
import sys

import jsonschema
import yaml


def loader_class(kind):
    base = yaml.CSafeLoader if kind == "c" else yaml.SafeLoader

    class Loader(base):
        pass

    # Drop the timestamp resolver: 2021-06-16 stays the string "2021-06-16".
    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                for name in sorted(names):
                    if name.endswith(".yaml"):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    args = sys.argv[1:]
    kind = "python"
    if args[:1] == ["--loader"] and len(args) > 1:
        kind, args = args[1], args[2:]
    if kind not in ("python", "c") or len(args) < 2:
        sys.exit("usage: py_check.py [--loader python|c] SCHEMA PATH...")
    Loader = loader_class(kind)
    with open(args[0], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    count = bad = 0
    for path in files(args[1:]):
        count += 1
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Loader)
        errors = list(validator.iter_errors(data))
        if errors:
            bad += 1
            print(f"{path}: {errors[0].message}")
    print(f"{count} files, {bad} invalid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
