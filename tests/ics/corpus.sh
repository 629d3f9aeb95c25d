#!/bin/bash
# Calendars around clock changes in 25 zones, read by two parsers nobody here
# wrote, instant for instant against the scheduler's JSON (ctest ics.corpus):
#   corpus.sh CLI SOURCE_DIR OUT_DIR NODE ICALJS_DIR
# gen_corpus.py writes the delegation files; each is exported as .ics and as
# JSON, expect.py derives what each calendar must hold (and tzdata's offsets
# at every instant of it, from Python's zoneinfo), then python3-icalendar
# (check_icalendar.py: DTSTART/DTEND through pytz and through the file's own
# VTIMEZONE) and ical.js (check_icaljs.mjs: through the file's VTIMEZONE)
# compare. Prints "N passed, N failed".
set -u
cli=$1
src=$2
out=$3
node=$4
icaljs=$5
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
export SOURCE_DATE_EPOCH=1668384000

rm -rf "$out"
mkdir -p "$out/yaml"
: >"$out/manifest.tsv"
pass=0
fail=0

# tally LOG: add a checker's "N passed, N failed" line to the counts.
tally() {
    sed '$d' "$1" | grep . && true
    local counts
    counts=$(tail -1 "$1")
    if [[ $counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        pass=$((pass + BASH_REMATCH[1]))
        fail=$((fail + BASH_REMATCH[2]))
    else
        cat "$1"
        fail=$((fail + 1))
    fi
}

if ! "$py" "$here/gen_corpus.py" "$out/yaml" >"$out/gen.log" 2>&1; then
    cat "$out/gen.log"
    echo "0 passed, 1 failed"
    exit 1
fi
for yaml in "$out"/yaml/*.yaml; do
    name=$(basename "$yaml" .yaml)
    if "$cli" plan "$yaml" --format ics -o "$out/$name.ics" 2>"$out/$name.err" &&
        "$cli" plan "$yaml" --format json -o "$out/$name.json" 2>>"$out/$name.err"; then
        printf '%s\t%s\t\n' "$name" "$yaml" >>"$out/manifest.tsv"
        pass=$((pass + 1))
    else
        echo "FAIL: export $name"
        cat "$out/$name.err"
        fail=$((fail + 1))
    fi
done

"$py" "$here/expect.py" "$out" >"$out/expect.log" 2>&1
tally "$out/expect.log"
"$py" "$here/check_icalendar.py" "$out" >"$out/python.log" 2>&1
tally "$out/python.log"
"$node" "$icaljs/check_icaljs.mjs" "$out" >"$out/icaljs.log" 2>&1
tally "$out/icaljs.log"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
