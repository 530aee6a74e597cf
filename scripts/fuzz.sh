#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for SECONDS (default
# 60) on a seed corpus from tests/fixtures and plans/. A crash, leak, timeout or sanitizer report
# fails the run and leaves the input in build-fuzz/artifacts/: make it a fixture and a test.
# Prints how many inputs each target ran.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/deps.sh
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBBG_FUZZ=ON -DBBG_TESTS=OFF >/dev/null
cmake --build "$build" --parallel --target fuzz_check fuzz_deadline fuzz_edit fuzz_schema fuzz_csv
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for target in fuzz_check fuzz_deadline fuzz_edit fuzz_schema fuzz_csv; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  if [ "$target" = fuzz_csv ]; then
    cp tests/fixtures/hostile/forms/*.csv "$corpus/"
    find tests/cli/import -name setup.sh -exec cp {} "$corpus/" \;
  elif [ "$target" = fuzz_deadline ]; then
    printf '%s' 2024 >"$corpus/y"; printf '%s' 2020-Q4 >"$corpus/q"; printf '%s' 2021-02 >"$corpus/m"; printf '%s' 2020-02-29 >"$corpus/d"
  else
    find tests/fixtures plans -name '*.yaml' -size -64k -exec cp {} "$corpus/" \;
  fi
  log="$build/$target.log"
  if "$build/$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" >"$log" 2>&1; then
    runs=$(grep -oP 'stat::number_of_executed_units:\s*\K\d+' "$log" || echo "?")
    echo "$target: $runs inputs in ${seconds}s, no crash"
  else
    echo "$target: FAILED (see $log and $build/artifacts/)"
    tail -40 "$log"
    status=1
  fi
done
exit $status
