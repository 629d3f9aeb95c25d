#!/usr/bin/env bash
# Golden files: every bundled example rendered in every format this test is
# given, compared byte for byte with tests/golden/<example>.<ext>.
# usage: run_golden.sh ITINERARY SOURCE_DIR FORMAT:EXT[:LANG]...
# (with a language the golden file is <example>.<lang>.<ext>; a bilingual
# pair de,ko is named de-ko)
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
# EXAMPLES="a b" limits the run to those examples (names without .yaml).
set -u
bin=$1 src=$2; shift 2
pass=0 fail=0
. "$src/tests/golden/compare.sh"
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
cd "$src/data/examples" || exit 2
for ex in *.yaml; do
  name=${ex%.yaml}
  case " ${EXAMPLES:-$name} " in *" $name "*) ;; *) continue ;; esac
  for spec in "$@"; do
    IFS=: read -r fmt ext lang <<<"$spec"
    golden=$src/tests/golden/$name.${lang:+${lang//,/-}.}$ext
    out=$(mktemp)
    if ! "$bin" plan "$ex" --format "$fmt" ${lang:+--lang "$lang"} -o "$out" 2>/dev/null; then
      echo "FAIL $golden: itinerary exited $?"; fail=$((fail + 1)); rm -f "$out"; continue
    fi
    compare_golden "$out" "$golden"
    rm -f "$out"
  done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
