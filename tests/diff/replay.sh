#!/bin/bash
# The calendars the replay checkers read (a ctest fixture):
#   replay.sh CLI SOURCE_DIR OUT_DIR
# For every revision pair of tests/diff/pairs, for the whole delegation, for
# every participant of either revision and for every group of the new one:
# OLD's calendar, NEW's calendar and the update (`diff --format ics`), as
# OUT_DIR/CASE.old.ics, CASE.new.ics and CASE.update.ics; a participant a
# revision does not have gets an empty calendar there. And the same as
# `export` writes them: OLD exported, NEW exported with --since OLD (cases
# CASE.export and CASE.export.p-ID, the update missing where export wrote
# none). cases.txt lists the cases. Prints "N passed, N failed".
set -u
cli=$1 src=$2 out=$3
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
rm -rf "$out"
mkdir -p "$out"
: >"$out/cases.txt"
pass=0 fail=0
cd "$src" || exit 2

# calendar FILE OUT OPTION ID: FILE's calendar for the audience, or an empty
# file when FILE has no such participant or group.
calendar() {
    local file=$1 to=$2 opt=$3 id=$4
    if [ -n "$opt" ] && ! "$cli" list "$file" "${opt#--}s" 2>/dev/null | cut -f1 | grep -qxF -- "$id"; then
        : >"$to"
        return 0
    fi
    "$cli" plan "$file" --format ics -o "$to" ${opt:+"$opt" "$id"} 2>/dev/null
}

one_case() {
    local name=$1 old=$2 new=$3 opt=$4 id=$5
    "$cli" diff "$old" "$new" --format ics -o "$out/$name.update.ics" ${opt:+"$opt" "$id"} 2>"$out/$name.err"
    local rc=$?
    if [ $rc -le 1 ] && calendar "$old" "$out/$name.old.ics" "$opt" "$id" &&
        calendar "$new" "$out/$name.new.ics" "$opt" "$id"; then
        echo "$name" >>"$out/cases.txt"
        pass=$((pass + 1))
    else
        echo "FAIL: $name (diff exited $rc)"
        cat "$out/$name.err"
        fail=$((fail + 1))
    fi
}

# export CASE OLD NEW: `export NEW --since OLD` next to `export OLD`, and
# a case for the delegation's calendar and for each participant's; one
# whose calendar needs no update has no CASE.update.ics.
export_cases() {
    local name=$1 old=$2 new=$3 d=$out/$1.export
    mkdir -p "$d"
    if ! "$cli" export "$old" -d "$d/old" 2>/dev/null || ! "$cli" export "$new" -d "$d/new" --since "$old" 2>/dev/null; then
        echo "FAIL: $name: export"; fail=$((fail + 1)); return
    fi
    local id
    id=$(basename "$(ls "$d/new"/*.json)" .json)
    cp "$d/old/$id.ics" "$out/$name.export.old.ics"
    cp "$d/new/$id.ics" "$out/$name.export.new.ics"
    cp "$d/new/changes.ics" "$out/$name.export.update.ics"
    echo "$name.export" >>"$out/cases.txt"
    pass=$((pass + 1))
    for f in "$d/new/participants"/*.ics; do
        local p
        p=$(basename "$f" .ics)
        [ -f "$d/old/participants/$p.ics" ] || continue
        cp "$d/old/participants/$p.ics" "$out/$name.export.p-$p.old.ics"
        cp "$f" "$out/$name.export.p-$p.new.ics"
        [ -f "$d/new/changes/$p.ics" ] && cp "$d/new/changes/$p.ics" "$out/$name.export.p-$p.update.ics"
        if [ -f "$d/new/changes/$p.txt" ] && [ ! -f "$d/new/changes/$p.ics" ]; then
            echo "FAIL: $name: changes/$p.txt without changes/$p.ics"; fail=$((fail + 1))
        fi
        echo "$name.export.p-$p" >>"$out/cases.txt"
        pass=$((pass + 1))
    done
}

while read -r name old new _; do
    case $name in '#'* | '') continue ;; esac
    export_cases "$name" "$old" "$new"
    one_case "$name" "$old" "$new" "" ""
    people=$( ("$cli" list "$old" participants; "$cli" list "$new" participants) 2>/dev/null | cut -f1 | sort -u)
    for p in $people; do
        one_case "$name.p-$p" "$old" "$new" --participant "$p"
    done
    for g in $("$cli" list "$new" groups 2>/dev/null | cut -f1); do
        one_case "$name.g-$g" "$old" "$new" --group "$g"
    done
done <"$src/tests/diff/pairs"
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
