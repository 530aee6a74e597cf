#!/usr/bin/env bash
# man/bbg.1 renders with no warnings from groff -ww and mandoc -Tlint.
set -u
page=$1
status=0
out=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
[ -z "$out" ] || { echo "groff:"; echo "$out"; status=1; }
out=$(mandoc -Tlint -W warning "$page" 2>&1)
[ -z "$out" ] || { echo "mandoc:"; echo "$out"; status=1; }
[ $status -eq 0 ] && echo "man page: no warnings"
exit $status
