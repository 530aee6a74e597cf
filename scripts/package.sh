#!/usr/bin/env bash
# Builds the .deb (Release) and checks it: its metadata, its files, and that the binary it
# holds runs (extracted into a temporary folder; nothing is installed on this machine).
# Usage: bash scripts/package.sh [BUILD_DIR]   (default build-release)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
build=${1:-build-release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBBG_TESTS=OFF >/dev/null
cmake --build "$build" --parallel
(cd "$build" && cpack --config CPackConfig.cmake >/dev/null)
deb=$(ls "$build"/bbg_*.deb | head -n 1)
dpkg-deb --info "$deb" | grep -E "Package|Version|Depends|Architecture"
files=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/bbg ./usr/share/man/man1/bbg.1 ./usr/share/bash-completion/completions/bbg \
         ./usr/share/zsh/vendor-completions/_bbg ./usr/share/fish/vendor_completions.d/bbg.fish \
         ./usr/share/bbg/plan.schema.json; do
  grep -q " $f\$" <<<"$files" || { echo "missing in the package: $f"; exit 1; }
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
"$root/usr/bin/bbg" --version
"$root/usr/bin/bbg" --root . check >/dev/null
echo "package ok: $deb"
