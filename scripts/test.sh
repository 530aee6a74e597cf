#!/usr/bin/env bash
# README command 2 (and .ci/run): install what is missing, then build twice and run every
# test in each build: once with warnings as errors, once with AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build: -Wall -Wextra -Werror"
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBBG_WERROR=ON >/dev/null
cmake --build build-ci --parallel "$jobs"
(cd build-ci && ctest --output-on-failure --parallel "$jobs")

echo "== build: AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBBG_WERROR=ON -DBBG_SANITIZE=ON >/dev/null
cmake --build build-asan --parallel "$jobs"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure --parallel "$jobs")

echo "== package: .deb"
bash scripts/package.sh build-release

echo "== fuzz: each libFuzzer target for ${BBG_FUZZ_SECONDS:-60}s with ASan+UBSan"
bash scripts/fuzz.sh "${BBG_FUZZ_SECONDS:-60}"
