#!/usr/bin/env bash
# cmake --install into a temporary prefix: the binary, the man page, the
# completion and the bundled data land in standard places, and the installed
# binary plans an installed example from anywhere (its holiday calendars are
# built in, its catalogs included relative to the example).
set -u
build=$1
pass=0 fail=0
prefix=$(mktemp -d); trap 'rm -rf "$prefix"' EXIT
ok() { if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else echo "FAIL: $*"; fail=$((fail + 1)); fi; }
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install"; echo "0 passed, 1 failed"; exit 1; }
ok test -x "$prefix/bin/itinerary"
ok test -f "$prefix/share/man/man1/itinerary.1"
ok test -f "$prefix/share/bash-completion/completions/itinerary"
ok test -f "$prefix/share/itinerary/institutions/saxony.yaml"
ok test -f "$prefix/share/itinerary/holidays/DE.yaml"
cd / || exit 2
ok "$prefix/bin/itinerary" check "$prefix/share/itinerary/examples/kr-mss-saxony-2022.yaml"
out=$("$prefix/bin/itinerary" plan "$prefix/share/itinerary/examples/kr-mss-saxony-2022.yaml" --lang en 2>/dev/null)
ok grep -q "Day 2 · Wednesday, 23 November 2022" <<<"$out"
ok man -l "$prefix/share/man/man1/itinerary.1"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
