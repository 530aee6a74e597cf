#!/usr/bin/env bash
# README command 1: install what is missing, build bbg, and run it on the bundled plans.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBBG_TESTS=OFF >/dev/null
cmake --build build --parallel
./build/bbg check
