#!/bin/bash
# The calendars the replay checkers read (a ctest fixture):
#   replay.sh CLI SOURCE_DIR OUT_DIR
# For every revision pair of tests/diff/pairs, for the whole delegation, for
# every participant of either revision and for every group of the new one:
# OLD's calendar, NEW's calendar and the update (`diff --format ics`), as
# OUT_DIR/CASE.old.ics, CASE.new.ics and CASE.update.ics; a participant a
# revision does not have gets an empty calendar there. cases.txt lists the
# cases. Prints "N passed, N failed".
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

while read -r name old new _; do
    case $name in '#'* | '') continue ;; esac
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
