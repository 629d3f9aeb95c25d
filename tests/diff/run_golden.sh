#!/usr/bin/env bash
# Golden change notices: every revision pair of tests/diff/pairs compared
# with `itinerary diff`, compared byte for byte with tests/diff/golden/:
#   NAME.{en,de,ko}.txt   the delegation's notice in each language
#   NAME.en.md, NAME.json the same as Markdown and JSON
#   NAME.ics              the update calendar
#   NAME.p-ID.{en,de,ko}.txt, NAME.p-ID.json   the participant's notice
#   NAME.g-ID.en.md       the group's notice
# usage: run_golden.sh ITINERARY SOURCE_DIR
# With UPDATE=1 the golden files are rewritten instead (then read the diff!).
set -u
bin=$1 src=$2
pass=0 fail=0
. "$src/tests/golden/compare.sh"
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
cd "$src" || exit 2
# golden NAME.EXT OLD NEW OPTIONS...: diff must exit 1 (the pairs differ).
golden() {
  local file=$1 old=$2 new=$3; shift 3
  local out rc
  out=$(mktemp)
  "$bin" diff "$old" "$new" -o "$out" "$@" 2>/dev/null
  rc=$?
  if [ $rc != 1 ]; then
    echo "FAIL $file: itinerary diff exited $rc, expected 1"; fail=$((fail + 1))
  else
    compare_golden "$out" "$src/tests/diff/golden/$file"
  fi
  rm -f "$out"
}
while read -r name old new person group; do
  case $name in '#'* | '') continue ;; esac
  for lang in en de ko; do
    golden "$name.$lang.txt" "$old" "$new" --lang "$lang"
    golden "$name.p-$person.$lang.txt" "$old" "$new" --lang "$lang" --participant "$person"
  done
  golden "$name.en.md" "$old" "$new" --format md --lang en
  golden "$name.json" "$old" "$new" --format json
  golden "$name.ics" "$old" "$new" --format ics
  golden "$name.p-$person.json" "$old" "$new" --format json --participant "$person"
  golden "$name.g-$group.en.md" "$old" "$new" --format md --lang en --group "$group"
done <"$src/tests/diff/pairs"
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
