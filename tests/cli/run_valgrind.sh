#!/usr/bin/env bash
# Memcheck over every bundled example (check and plan) and every invalid file:
# no leak, no invalid read or write, on the good paths and the error paths.
set -u
bin=$1 src=$2
pass=0 fail=0
vg() { # dir, args...
  local dir=$1; shift
  (cd "$dir" && valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --error-exitcode=99 "$bin" "$@" >/dev/null 2>"$log")
  if [ $? = 99 ]; then echo "FAIL valgrind: $*"; cat "$log"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
}
log=$(mktemp); trap 'rm -f "$log"' EXIT
for f in "$src"/data/examples/*.yaml; do
  vg "$src/data/examples" check "$(basename "$f")"
  vg "$src/data/examples" plan "$(basename "$f")" --format json
done
for f in "$src"/tests/cli/invalid/*.yaml; do
  vg "$src/tests/cli/invalid" check "$(basename "$f")"
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
