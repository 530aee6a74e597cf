#!/usr/bin/env bash
# bbg init makes a repository in which bbg check passes at once, with the project's schema and
# CI examples that run bbg check.
set -eu
bbg=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bbg" init "$work/repo" >/dev/null
cd "$work/repo"
"$bbg" check --strict
cmp schemas/plan.schema.json "$src/schemas/plan.schema.json"
grep -q "bbg check --format github" .github/workflows/bbg.yml
grep -q "bbg check --format junit" .gitlab-ci.yml
grep -qx ".bbg/" .gitignore
# The examples in docs/ci are the ones bbg init writes.
cmp .github/workflows/bbg.yml "$src/docs/ci/github-actions.yml"
cmp .gitlab-ci.yml "$src/docs/ci/gitlab-ci.yml"
# A second init writes nothing over the first.
if "$bbg" init . 2>/dev/null; then echo "second init succeeded"; exit 1; fi
echo "init then check: ok"
