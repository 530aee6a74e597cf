#!/usr/bin/env bash
# README command 1: install what is missing, build bbg, check the bundled plans and show their status.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBBG_TESTS=OFF >/dev/null
cmake --build build --parallel
./build/bbg check
./build/bbg status
