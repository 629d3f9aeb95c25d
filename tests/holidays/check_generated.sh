#!/usr/bin/env bash
# The committed calendars are what scripts/holidays/generate.py writes: run
# it into a temporary directory and compare every file byte for byte.
set -u
python=$1 src=$2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
"$python" "$src/scripts/holidays/generate.py" "$tmp" || { echo "generate.py failed"; echo "0 passed, 1 failed"; exit 1; }
pass=0 fail=0
for f in "$tmp"/data/holidays/*.yaml "$tmp"/src/holiday_calendars.inc; do
  rel=${f#"$tmp"/}
  if cmp -s "$f" "$src/$rel"; then pass=$((pass + 1)); else echo "FAIL: $rel differs from what generate.py writes:"; diff "$src/$rel" "$f" | head -20; fail=$((fail + 1)); fi
done
for f in "$src"/data/holidays/*.yaml; do
  [ -e "$tmp/data/holidays/$(basename "$f")" ] || { echo "FAIL: data/holidays/$(basename "$f") is not generated"; fail=$((fail + 1)); }
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
