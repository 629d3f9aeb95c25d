#!/usr/bin/env bash
# The matchmaking commands: `itinerary matchmaking`, `plan --company`,
# `--solve-time`, `--greedy`, `list FILE companies`, and their usage errors.
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
ex=$src/data/examples/de-smwa-korea-2023.yaml
check help 0 "usage: itinerary matchmaking FILE" "$bin" help matchmaking
check sheet 0 "optimal (bound 101)" "$bin" matchmaking "$ex"
check sheet-md 0 "| Slot" "$bin" matchmaking "$ex" --format md
check sheet-json 0 '"gap_percent": 0' "$bin" matchmaking "$ex" --format json
check greedy 0 "greedy baseline 101" "$bin" matchmaking "$ex" --greedy
check bad-format 2 "unknown format 'ics' (expected text, md or json)" "$bin" matchmaking "$ex" --format ics
check bad-solve-time 2 "--solve-time takes seconds" "$bin" matchmaking "$ex" --solve-time 0
check bad-solve-time-plan 2 "--solve-time takes seconds" "$bin" plan "$ex" --solve-time 1x
check list-companies 0 "hanbit-mobility" "$bin" list "$ex" companies
check unknown-company 2 "no company has the id 'nobody'" "$bin" plan "$ex" --company nobody
check company-and-participant 2 "exclude each other" "$bin" plan "$ex" --company hanbit-mobility --participant weber
# A host company's own schedule: its meetings only, with the delegates who come.
out=$("$bin" plan "$ex" --company hanbit-mobility --lang en)
if grep -q "Agenda for: *한빛모빌리티" <<<"$out" && grep -q "Meeting: Leipzig Battery Recycling GmbH" <<<"$out" &&
  ! grep -q "Roundtable\|라운드테이블\|Transfer:" <<<"$out"; then
  pass=$((pass + 1)); else echo "FAIL host company agenda"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); fi
# A delegation company: its members' whole programme, with its meetings.
out=$("$bin" plan "$ex" --company leipzig-battery --format json)
if grep -q '"kind": "meeting"' <<<"$out" && grep -q '"h2-roundtable"' <<<"$out" &&
  ! grep -q '"companies": \["chemnitz-robotics"' <<<"$out"; then
  pass=$((pass + 1)); else echo "FAIL delegation company schedule"; fail=$((fail + 1)); fi
# With no matchmaking the sheet says so.
check no-sessions 0 "No matchmaking sessions." "$bin" matchmaking "$src/data/examples/kr-mss-saxony-2022.yaml"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
