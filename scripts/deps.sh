#!/usr/bin/env bash
# Installs the Debian packages bbg needs to build and test, when any is missing.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config git
          libcli11-dev libfyaml-dev libsqlite3-dev libssl-dev libfmt-dev doctest-dev
          libvalijson-dev nlohmann-json3-dev
          groff-base mandoc bash-completion zsh fish python3-icalendar dpkg-dev file less bsdutils
          chromium poppler-utils fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "bbg: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
