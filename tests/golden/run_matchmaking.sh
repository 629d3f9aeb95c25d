#!/usr/bin/env bash
# Golden files of `itinerary matchmaking`: every bundled example with
# matchmaking sessions, as text, Markdown and JSON, compared byte for byte
# with tests/golden/<example>.matchmaking.<ext>.
# usage: run_matchmaking.sh ITINERARY SOURCE_DIR
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
set -u
bin=$1 src=$2
pass=0 fail=0
. "$src/tests/golden/compare.sh"
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
cd "$src/data/examples" || exit 2
for ex in *.yaml; do
  grep -q '^matchmaking:' "$ex" || continue
  name=${ex%.yaml}
  for spec in text:txt md:md json:json; do
    IFS=: read -r fmt ext <<<"$spec"
    golden=$src/tests/golden/$name.matchmaking.$ext
    out=$(mktemp)
    if ! "$bin" matchmaking "$ex" --format "$fmt" -o "$out" 2>/dev/null; then
      echo "FAIL $golden: itinerary exited $?"; fail=$((fail + 1)); rm -f "$out"; continue
    fi
    compare_golden "$out" "$golden"
    rm -f "$out"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
