#!/usr/bin/env bash
# Memcheck over the iCalendar exporter: every example and fixture exported as
# a calendar (full, personal, invitation, without transfers), and the cmocka
# test of the exporter. No leak, no invalid read or write.
#   memcheck.sh CLI TEST_EXPORT_ICS SOURCE_DIR
set -u
bin=$1 unit=$2 src=$3
pass=0 fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export SOURCE_DATE_EPOCH=1668384000
vg() {
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=99 "$@" >/dev/null 2>"$log"
    local rc=$?
    if [ $rc != 0 ]; then
        echo "FAIL valgrind (exit $rc): $*"
        cat "$log"
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
}
for f in "$src"/data/examples/*.yaml "$src"/tests/ics/fixtures/*.yaml; do
    first=$("$bin" list "$f" participants | head -1 | cut -f1)
    vg "$bin" plan "$f" --format ics
    vg "$bin" plan "$f" --format ics --invite
    vg "$bin" plan "$f" --format ics --no-transfers --participant "$first"
done
CMOCKA_MESSAGE_OUTPUT=STDOUT vg "$unit"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
