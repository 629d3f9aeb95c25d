#!/bin/bash
# Export the calendars the .ics checkers read (a ctest fixture):
#   export.sh CLI SOURCE_DIR OUT_DIR
# For every bundled example and every fixture under tests/ics/fixtures: the
# full calendar, the personal calendars of the first and the last participant,
# an invitation (--invite), a calendar without transfers; for the first example
# also a group calendar and a personal invitation. Each .ics comes with the
# scheduler's JSON for the same options (the checkers' reference), and
# manifest.tsv lists them. Then expect.py derives what each .ics must hold.
# Also checks that exports are byte-for-byte reproducible under
# SOURCE_DATE_EPOCH. Prints "N passed, N failed".
set -u
cli=$1
src=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
export SOURCE_DATE_EPOCH=1668384000

rm -rf "$out"
mkdir -p "$out"
: >"$out/manifest.tsv"
pass=0
fail=0

# export NAME YAML [options...]: the .ics and its JSON (without --invite,
# which only the .ics takes).
export_case() {
    local name=$1 yaml=$2
    shift 2
    local json_opts=()
    for a in "$@"; do [ "$a" = --invite ] || json_opts+=("$a"); done
    if "$cli" plan "$yaml" --format ics -o "$out/$name.ics" "$@" 2>"$out/$name.err" &&
        "$cli" plan "$yaml" --format json -o "$out/$name.json" "${json_opts[@]}" 2>>"$out/$name.err" &&
        [ -s "$out/$name.ics" ]; then
        printf '%s\t%s\t%s\n' "$name" "$yaml" "$*" >>"$out/manifest.tsv"
        pass=$((pass + 1))
    else
        echo "FAIL: export $name ($*)"
        cat "$out/$name.err"
        fail=$((fail + 1))
    fi
}

first=1
for yaml in "$src"/data/examples/*.yaml "$here"/fixtures/*.yaml; do
    base=$(basename "$yaml" .yaml)
    export_case "$base" "$yaml"
    [ -f "$out/$base.json" ] || continue
    ids=$("$py" -c 'import json,sys; p=json.load(open(sys.argv[1]))["participants"]; print(p[0]["id"], p[-1]["id"])' "$out/$base.json")
    for id in $ids; do
        export_case "$base.p-$id" "$yaml" --participant "$id"
    done
    export_case "$base.invite" "$yaml" --invite
    export_case "$base.no-transfers" "$yaml" --no-transfers
    if [ $first = 1 ]; then
        group=$("$py" -c 'import sys, yaml; d=yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader); g=d["delegation"].get("groups") or []; print(g[0]["id"] if g else "")' "$yaml")
        [ -n "$group" ] && export_case "$base.g-$group" "$yaml" --group "$group"
        set -- $ids
        export_case "$base.p-$1.invite" "$yaml" --participant "$1" --invite
        first=0
    fi

    # Reproducible: a second export is identical, byte for byte.
    if "$cli" plan "$yaml" --format ics -o "$out/$base.again.ics" 2>/dev/null &&
        cmp -s "$out/$base.ics" "$out/$base.again.ics"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $base: two exports with SOURCE_DATE_EPOCH differ"
        fail=$((fail + 1))
    fi
    rm -f "$out/$base.again.ics"
done

# SOURCE_DATE_EPOCH: the last second a calendar can be stamped with is
# written as it is; a later one, or one a four-digit year cannot hold, is
# refused with exit status 2 (it was once written DTSTAMP:00000000T000000).
ex=$(ls "$src"/data/examples/*.yaml | head -1)
if SOURCE_DATE_EPOCH=32535215999 "$cli" plan "$ex" --format ics 2>/dev/null |
    grep -q $'^DTSTAMP:30001231T235959Z\r$'; then
    pass=$((pass + 1))
else
    echo "FAIL: SOURCE_DATE_EPOCH=32535215999 is not stamped 30001231T235959Z"
    fail=$((fail + 1))
fi
for epoch in 32535216000 253402300800 99999999999999999999; do
    SOURCE_DATE_EPOCH=$epoch "$cli" plan "$ex" --format ics >"$out/epoch.ics" 2>"$out/epoch.err"
    rc=$?
    if [ $rc -eq 2 ] && [ ! -s "$out/epoch.ics" ] && grep -q "SOURCE_DATE_EPOCH must be" "$out/epoch.err"; then
        pass=$((pass + 1))
    else
        echo "FAIL: SOURCE_DATE_EPOCH=$epoch: exit $rc, $(head -c 200 "$out/epoch.err")"
        fail=$((fail + 1))
    fi
done
rm -f "$out/epoch.ics" "$out/epoch.err"

# What each calendar must hold.
"$py" "$here/expect.py" "$out" >"$out/expect.log" 2>&1
rc=$?
sed '$d' "$out/expect.log" | grep . && true
counts=$(tail -1 "$out/expect.log")
if [ $rc -eq 0 ] && [[ $counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    pass=$((pass + BASH_REMATCH[1]))
    fail=$((fail + BASH_REMATCH[2]))
else
    cat "$out/expect.log"
    fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
