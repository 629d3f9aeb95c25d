#!/usr/bin/env bash
# Agenda regressions: every fixture under tests/agenda/fixtures rendered as
# text and Markdown, compared byte for byte with tests/agenda/golden/<name>.{txt,md}.
# usage: run_fixtures.sh ITINERARY SOURCE_DIR
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
set -u
bin=$1 src=$2
pass=0 fail=0
. "$src/tests/golden/compare.sh"
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
cd "$src/tests/agenda/fixtures" || exit 2
for fx in *.yaml; do
  name=${fx%.yaml}
  for spec in text:txt md:md; do
    IFS=: read -r fmt ext <<<"$spec"
    golden=$src/tests/agenda/golden/$name.$ext
    out=$(mktemp)
    if ! "$bin" plan "$fx" --format "$fmt" -o "$out" 2>/dev/null; then
      echo "FAIL $golden: itinerary exited $?"; fail=$((fail + 1)); rm -f "$out"; continue
    fi
    compare_golden "$out" "$golden"
    rm -f "$out"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
