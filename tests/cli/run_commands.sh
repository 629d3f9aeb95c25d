#!/usr/bin/env bash
# The command line itself: help, version, usage errors and exit codes.
set -u
bin=$1 src=$2
pass=0 fail=0
check() { # name, expected exit, expected substring of stdout+stderr, command...
  local name=$1 want=$2 sub=$3; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ]; then echo "FAIL $name: exit $rc, expected $want"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); return; fi
  if ! grep -qF -- "$sub" <<<"$out"; then echo "FAIL $name: output lacks '$sub'"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); return; fi
  pass=$((pass + 1))
}
check help 0 "Commands:" "$bin" --help
check version 0 "itinerary 0." "$bin" --version
check help-check 0 "usage: itinerary check FILE" "$bin" help check
check no-args 2 "usage:" "$bin"
check unknown-command 2 "unknown command 'frobnicate'" "$bin" frobnicate
check unknown-option 2 "unknown option '--bogus'" "$bin" check --bogus x.yaml
check check-no-file 2 "no FILE given" "$bin" check
check missing-file 2 "cannot read 'no/such.yaml': No such file or directory" "$bin" check no/such.yaml
for ex in "$src"/data/examples/*.yaml; do
  check "example-$(basename "$ex")" 0 "participants" "$bin" check "$ex"
done
check stdin 0 "kr-mss-saxony-2022" bash -c "cd '$src/data/examples' && '$bin' check - < kr-mss-saxony-2022.yaml"
# Regression: a delegation without institutions crashed the scheduler.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'delegation:\n  id: x\n  title: X\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n  participants: [{id: a, name: A}]\n' > "$tmp/bare.yaml"
check no-institutions 0 "0 institutions, 0 visits, 0 travel legs: feasible" "$bin" check "$tmp/bare.yaml"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
