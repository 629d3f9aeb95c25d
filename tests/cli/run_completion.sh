#!/usr/bin/env bash
# The bash completion offers commands, options, formats, languages, and the
# participant and group ids of the file on the command line.
set -u
bin=$1 src=$2
pass=0 fail=0
shopt -s extglob
PATH=$(dirname "$bin"):$PATH
itinerary() { "$bin" "$@"; }
source "$src/completion/itinerary.bash"
offer() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _itinerary; echo "${COMPREPLY[*]}"; }
expect() { # expected, words...
  local want=$1; shift
  local got; got=$(offer "$@")
  if [ "$got" = "$want" ]; then pass=$((pass + 1)); else echo "FAIL: ${*:2}: got '$got', want '$want'"; fail=$((fail + 1)); fi
}
cd "$src/data/examples" || exit 2
expect "plan" itinerary pl
expect "check" itinerary ch
expect "text md ics json pdf transport" itinerary plan x.yaml --format ""
expect "letter" itinerary plan x.yaml --format pdf --paper l
expect "--paper" itinerary export x.yaml --pa
expect "ko" itinerary plan x.yaml --lang k
expect "--no-transfers" itinerary plan x.yaml --no
expect "lee kim-minjun park choi jung kang yoon han walther bauer" itinerary plan kr-mss-saxony-2022.yaml --participant ""
expect "research" itinerary plan kr-mss-saxony-2022.yaml --group r
expect "participants" itinerary list kr-mss-saxony-2022.yaml pa
expect "matchmaking" itinerary ma
expect "text md json" itinerary matchmaking x.yaml --format ""
expect "--greedy" itinerary matchmaking x.yaml --gr
expect "hanbit-mobility hanul-fuelcell hanyang-ceramics hanbat-sensor" itinerary plan de-smwa-korea-2023.yaml --company han
expect "plan check export diff list holidays matchmaking" itinerary help ""
expect "diff" itinerary di
expect "text md json ics" itinerary diff a.yaml b.yaml --format ""
expect "--since" itinerary export x.yaml --si
expect "research" itinerary diff de-smwa-korea-2023.yaml kr-mss-saxony-2022.yaml --group r
expect "semi" itinerary diff kr-mss-saxony-2022.yaml de-smwa-korea-2023.yaml --group s
expect "JP" itinerary holidays J
expect "DE DK" itinerary holidays D
echo "$pass passed, $fail failed"
[ $fail = 0 ]
