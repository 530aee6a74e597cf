#!/usr/bin/env bash
# The bbg benchmark (issue 7): bench/run.sh [SIZES...]   (default: 10 290 2900)
#
# For each size, generates a synthetic corpus once (bench/generate.py) and times bbg check (cold,
# writing the cache, warm), bbg status and bbg overdue (cold and warm), bbg update, cat, a bare
# libfyaml event scan in one process and in two (the floor), ajv-cli, ajv (node) and a Python
# jsonschema + PyYAML script on it; then bbg's start-up on the bundled plans. Prints the tables
# and the targets of issues 12 and 7 as PASS/FAIL lines and writes them to bench/results.md.
#
# Environment:
#   BBG=path/to/bbg   the binary to time (default: build-bench/bbg, built in Release when missing)
#   SEED=N            corpus seed (default 1)
#   KEEP=1            keep the generated corpora (their folders are printed)
#   BENCH_NO_INSTALL=1  do not apt-get/npm install anything; tools that are missing are left out
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench")
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 290 2900)
for s in "${sizes[@]}"; do
  [[ $s =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: a size is a positive whole number, not '$s'" >&2; exit 2; }
done
command_line="bench/run.sh ${*:-}"
command_line=${command_line% }

say() { echo "run.sh: $*" >&2; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
install_ok() { [ "${BENCH_NO_INSTALL:-0}" != 1 ]; }

[ -x /usr/bin/python3 ] || { say "needs /usr/bin/python3 (Debian's python3)"; exit 2; }
command -v g++ >/dev/null || { say "needs g++"; exit 2; }
[ -f /usr/include/libfyaml.h ] || { install_ok && sudo_if_needed apt-get install -y libfyaml-dev >&2; }

# The bbg binary: Release, tests off.
BBG=${BBG:-$repo/build-bench/bbg}
if [ ! -x "$BBG" ]; then
  say "building a Release bbg in $repo/build-bench"
  cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBBG_TESTS=OFF >&2
  cmake --build "$repo/build-bench" >&2
  BBG=$repo/build-bench/bbg
fi

# Python jsonschema + PyYAML from Debian.
if ! /usr/bin/python3 -c 'import yaml, jsonschema' 2>/dev/null && install_ok; then
  say "installing python3-yaml python3-jsonschema"
  sudo_if_needed apt-get install -y python3-yaml python3-jsonschema >&2 || say "could not install them; no Python lines"
fi

# ajv-cli, ajv, js-yaml from the npm registry, kept in bench/node_modules_dir (git-ignored).
if command -v npm >/dev/null && [ ! -d "$bench/node_modules_dir/node_modules/ajv-cli" ] && install_ok; then
  say "installing ajv-cli ajv js-yaml into bench/node_modules_dir"
  npm install --prefix "$bench/node_modules_dir" --no-audit --no-fund ajv-cli@5 ajv@8 js-yaml@4 >&2 \
    || say "npm install failed; no ajv lines"
fi
command -v node >/dev/null || say "node is not installed; no ajv lines"

# The parse floor: libfyaml's bare event scan (bench/scan.c).
work=$(mktemp -d /tmp/bbg-bench-bin.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && gcc -O2 bench/scan.c -lfyaml -o "$work/scan")
# The timer: wall time and peak RSS of one command (see bench/timerun.cpp).
(cd "$repo" && g++ -O2 -std=c++20 bench/timerun.cpp -o "$work/timerun")

keep=()
[ "${KEEP:-0}" = 1 ] && keep=(--keep)
exec_args=(--bbg "$BBG" --scan "$work/scan" --timerun "$work/timerun" --seed "${SEED:-1}" --command "$command_line" "${keep[@]}" "${sizes[@]}")
/usr/bin/python3 "$bench/bench.py" "${exec_args[@]}"
