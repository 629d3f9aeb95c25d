#!/usr/bin/env bash
# Golden transport sheets: every bundled example exported, and its
# DIR/transport.txt, .md and .csv compared byte for byte with
# tests/golden/<example>.transport.<ext>.
# usage: run_transport.sh ITINERARY SOURCE_DIR
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
set -u
bin=$1 src=$2
pass=0 fail=0
. "$src/tests/golden/compare.sh"
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$src/data/examples" || exit 2
for ex in *.yaml; do
  name=${ex%.yaml}
  if ! "$bin" export "$ex" -d "$tmp/$name" 2>/dev/null; then
    echo "FAIL $name: itinerary export exited $?"; fail=$((fail + 1)); continue
  fi
  for ext in txt md csv; do
    golden=$src/tests/golden/$name.transport.$ext out=$tmp/$name/transport.$ext
    compare_golden "$out" "$golden"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
