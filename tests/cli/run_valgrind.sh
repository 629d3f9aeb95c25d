#!/usr/bin/env bash
# Memcheck over every bundled example (check and plan), the revision pairs
# (diff, export --since) and every invalid file:
# no leak, no invalid read or write, on the good paths and the error paths.
set -u
bin=$1 src=$2
pass=0 fail=0
# A glib, pango or cairo critical aborts, so that it fails here too.
export G_DEBUG=fatal-criticals
vg() { # dir, args...
  local dir=$1; shift
  (cd "$dir" && valgrind -q --suppressions="$src/tests/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --error-exitcode=99 "$bin" "$@" >/dev/null 2>"$log")
  local rc=$?
  # 99: valgrind's error; 128 and above: a signal (an abort on a critical).
  if [ $rc = 99 ] || [ $rc -ge 128 ]; then echo "FAIL valgrind ($rc): $*"; cat "$log"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
}
log=$(mktemp); trap 'rm -f "$log"' EXIT
for f in "$src"/data/examples/*.yaml; do
  vg "$src/data/examples" check "$(basename "$f")"
  vg "$src/data/examples" plan "$(basename "$f")" --format json
done
# Revisions: every pair of tests/diff/pairs compared (a notice, JSON, the
# update calendar, the invitations) and exported with --since.
out=$(mktemp -d); trap 'rm -f "$log"; rm -rf "$out"' EXIT
while read -r name old new person _; do
  case $name in '#'* | '') continue ;; esac
  vg "$src" diff "$old" "$new" --participant "$person" --lang ko
  vg "$src" diff "$old" "$new" --format json
  vg "$src" diff "$old" "$new" --format ics --invite -o "$out/$name.invite/"
  vg "$src" export "$new" -d "$out/$name" --since "$old"
done <"$src/tests/diff/pairs"
for f in "$src"/tests/cli/invalid/*.yaml; do
  vg "$src/tests/cli/invalid" check "$(basename "$f")"
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
