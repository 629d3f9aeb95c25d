#!/usr/bin/env bash
# Run `itinerary check` on every invalid file and compare with what the file's
# first lines expect:
#   # expect: EXIT LINE:COL message substring
# (one or more such lines; every one must appear in the diagnostics as
#  FILE:LINE:COL: error: ...substring...; LINE:COL may be FILE:LINE:COL for
#  an error in an included file). Prints "N passed, N failed".
set -u
bin=$1 dir=$2
pass=0 fail=0
cd "$dir" || exit 2
for f in *.yaml; do
  mapfile -t expects < <(sed -n 's/^# expect: //p' "$f")
  if [ ${#expects[@]} -eq 0 ]; then
    echo "FAIL $f: no '# expect:' line"; fail=$((fail + 1)); continue
  fi
  err=$("$bin" check "$f" 2>&1 >/dev/null); rc=$?
  ok=1
  for e in "${expects[@]}"; do
    want_rc=${e%% *}; rest=${e#* }
    pos=${rest%% *}; msg=${rest#* }
    # A position may name another file (an included one): FILE:LINE:COL.
    case $pos in *:*:*) where=$pos ;; *) where=$f:$pos ;; esac
    [ "$rc" = "$want_rc" ] || { echo "FAIL $f: exit $rc, expected $want_rc"; ok=0; break; }
    if ! grep -qF -- "$where: error: " <<<"$err"; then
      echo "FAIL $f: no error at $where"; ok=0
    elif ! grep -F -- "$where: error: " <<<"$err" | grep -qF -- "$msg"; then
      echo "FAIL $f: error at $pos does not say '$msg'"; ok=0
    fi
  done
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); printf '%s\n' "$err" | sed 's/^/    /'; fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
