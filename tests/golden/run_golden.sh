#!/usr/bin/env bash
# Golden files: every bundled example rendered in every format this test is
# given, compared byte for byte with tests/golden/<example>.<ext>.
# usage: run_golden.sh ITINERARY SOURCE_DIR FORMAT:EXT...
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
set -u
bin=$1 src=$2; shift 2
pass=0 fail=0
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
cd "$src/data/examples" || exit 2
for ex in *.yaml; do
  name=${ex%.yaml}
  for spec in "$@"; do
    fmt=${spec%%:*} ext=${spec#*:}
    golden=$src/tests/golden/$name.$ext
    out=$(mktemp)
    if ! "$bin" plan "$ex" --format "$fmt" -o "$out" 2>/dev/null; then
      echo "FAIL $name.$ext: itinerary exited $?"; fail=$((fail + 1)); rm -f "$out"; continue
    fi
    if [ "${UPDATE:-}" = 1 ]; then
      cp "$out" "$golden"; echo "updated $golden"
    fi
    if cmp -s "$out" "$golden"; then
      pass=$((pass + 1))
    else
      echo "FAIL $name.$ext differs from the golden file:"; diff -u "$golden" "$out" | head -40; fail=$((fail + 1))
    fi
    rm -f "$out"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
