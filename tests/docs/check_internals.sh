#!/usr/bin/env bash
# docs/internals.md names every source file of src/, so the map of the code
# stays true when a file is added or renamed.
# usage: check_internals.sh SOURCE_DIR
set -u
cd "$1" || exit 2
pass=0 fail=0
for f in $(find src -name '*.c' | sort); do
  if grep -q "$(basename "$f")" docs/internals.md; then
    pass=$((pass + 1))
  else
    echo "FAIL docs/internals.md does not mention $f"; fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
