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
# holidays: a bundled calendar, with English and local names.
check holidays-jp 0 "$(printf '2024-05-03\tFri\tJP\tConstitution Memorial Day\t憲法記念日')" "$bin" holidays JP 2024
check holidays-region 0 "$(printf '2024-11-20\tWed\tDE-SN\tDay of Repentance and Prayer\tBuß- und Bettag')" "$bin" holidays DE-SN 2024
check holidays-region-not-others 1 "" bash -c "'$bin' holidays DE-BY 2024 | grep -q Buß"
check holidays-workday 0 "$(printf '2024-02-04\tSun\tCN\tWorking day (State Council arrangement)\t调休上班\tworking day, with Mon')" "$bin" holidays CN 2024
check holidays-expected 0 "expected date" "$bin" holidays AE 2030
check holidays-unannounced 0 "not announced yet" "$bin" holidays CN 2027
check holidays-national-only 0 "US-CA's own holidays are not bundled" "$bin" holidays US-CA 2024
check holidays-list 0 "$(printf 'JP\tJapan\t2022-2035')" "$bin" holidays list
check holidays-unknown 2 "no bundled calendar for 'ZA'" "$bin" holidays ZA 2024
check holidays-range 2 "covers 2022 to 2035, not 2040" "$bin" holidays JP 2040
check holidays-bad-year 2 "'20x4' is not a year" "$bin" holidays JP 20x4
check holidays-bad-code 2 "is not a country" "$bin" holidays JPN 2024
check help-holidays 0 "usage: itinerary holidays COUNTRY[-REGION] YEAR" "$bin" help holidays
for ex in "$src"/data/examples/*.yaml; do
  check "example-$(basename "$ex")" 0 "participants" "$bin" check "$ex"
done
check stdin 0 "kr-mss-saxony-2022" bash -c "cd '$src/data/examples' && '$bin' check - < kr-mss-saxony-2022.yaml"
# Regression: a delegation without institutions crashed the scheduler.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'delegation:\n  id: x\n  title: X\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n  participants: [{id: a, name: A}]\n' > "$tmp/bare.yaml"
check no-institutions 0 "0 institutions, 0 visits, 0 travel legs: feasible" "$bin" check "$tmp/bare.yaml"
# Warnings carry their name; accept silences them, and check -q prints nothing.
cat > "$tmp/sat.yaml" <<'YAML'
delegation: {id: x, title: X, start: 2022-11-26, end: 2022-11-26, timezone: Europe/Berlin, participants: [{id: a, name: A}]}
institutions: [{id: p, name: P, geo: [51.05, 13.74]}]
visits: [{id: v, title: V, at: p, date: 2022-11-26, start: "10:00", duration: 1h}]
YAML
check warning-name 0 "visit 'v' is on a Saturday (2022-11-26) [weekend]" "$bin" check "$tmp/sat.yaml"
sed 's/duration: 1h}/duration: 1h, accept: [weekend]}/' "$tmp/sat.yaml" > "$tmp/sat-accepted.yaml"
out=$("$bin" check -q "$tmp/sat-accepted.yaml" 2>&1); rc=$?
if [ "$rc" = 0 ] && [ -z "$out" ]; then pass=$((pass + 1)); else echo "FAIL check -q with accept: exit $rc, output '$out'"; fail=$((fail + 1)); fi
check quiet-still-reports 0 "[weekend]" "$bin" check --quiet "$tmp/sat.yaml"
sed 's/participants:/accept: [long-days], participants:/' "$tmp/sat.yaml" > "$tmp/sat-typo.yaml"
check accept-unknown 2 "accept: unknown warning 'long-days' (did you mean 'long-day'?)" "$bin" check "$tmp/sat-typo.yaml"
ex=$src/data/examples/kr-mss-saxony-2022.yaml
# Per person and group: only their items, their name in the title block.
out=$("$bin" plan "$ex" --participant park --lang en)
if grep -q "Laborbesichtigung" <<<"$out" && ! grep -q "Gläserne Manufaktur" <<<"$out" && grep -q "Agenda for: *Park Seo-yeon" <<<"$out"; then
  pass=$((pass + 1)); else echo "FAIL participant agenda"; fail=$((fail + 1)); fi
out=$("$bin" plan "$ex" --group research --format md --lang de)
if grep -q "Programm für:\*\* Forschungsgruppe" <<<"$out" && ! grep -q "Kurzbesuch der Frauenkirche" <<<"$out"; then
  pass=$((pass + 1)); else echo "FAIL group agenda"; fail=$((fail + 1)); fi
check no-transfers 0 "Begrüßung" bash -c "'$bin' plan '$ex' --no-transfers | grep -v 'Transfer:'"
check unknown-participant 2 "no participant has the id 'nobody'" "$bin" plan "$ex" --participant nobody
check unknown-group 2 "no group has the id 'nobody'" "$bin" plan "$ex" --group nobody
check both-filters 2 "exclude each other" "$bin" plan "$ex" --group research --participant park
check bad-format 2 "unknown format 'odt'" "$bin" plan "$ex" --format odt
check bad-paper 2 "unknown paper 'a3' (expected a4 or letter)" "$bin" plan "$ex" --format pdf --paper a3 -o "$tmp/a3.pdf"
check paper-needs-pdf 2 "--paper goes with --format pdf" "$bin" plan "$ex" --paper letter
check pdf-not-to-terminal 2 "a PDF is not written to a terminal" script -qec "'$bin' plan '$ex' --format pdf" /dev/null
check bad-lang 2 "unknown language 'it' (expected en, de, ko, vi, ja, zh-Hans, zh-Hant, fr, es, pl or cs)" "$bin" plan "$ex" --lang it
check bad-lang-region 2 "unknown language 'zh-CN' (did you mean zh-Hans?)" "$bin" plan "$ex" --lang zh-CN
check lang-twice 2 "--lang: 'de,de' names de twice" "$bin" plan "$ex" --lang de,de
check lang-three 2 "--lang: at most 2 languages" "$bin" export "$ex" -d "$tmp/three" --lang de,ko,en
check lang-pair 0 "Ort / 장소: Wirtschaftsförderung Sachsen GmbH" "$bin" plan "$ex" --lang de,ko
# A text the file gives in both languages of a bilingual agenda: both.
vn=$src/data/examples/vn-embassy-saxony-2019.yaml
check lang-pair-variants 0 "Gespräch mit Ministerpräsident Michael Kretschmer / Hội kiến Thủ hiến bang Sachsen Michael Kretschmer" "$bin" plan "$vn" --lang de,vi --width 200
check lang-pair-place 0 "Ort / Địa điểm: Sächsische Staatskanzlei / Phủ Thủ hiến bang Sachsen, Archivstraße 1" "$bin" plan "$vn" --lang de,vi --width 200
check participant-language 0 "장소: Wirtschaftsförderung Sachsen GmbH" "$bin" plan "$ex" --participant kim-minjun
check participant-language-bilingual 0 "장소 / Ort: Wirtschaftsförderung" "$bin" plan "$ex" --participant lee
check participant-language-overridden 0 "Place: Wirtschaftsförderung" "$bin" plan "$ex" --participant lee --lang en
out=$("$bin" plan "$ex" --lang zh-Hant --format md)
echo "$out" | grep -q '^## 第1天 · 2022年11月22日 星期二$' && pass=$((pass + 1)) || { echo 'FAIL --lang zh-Hant: no Traditional Chinese day heading'; fail=$((fail + 1)); }
# check --lang: what lacks a language, once per entity; silent in the delegation's own.
check missing-translation 0 "visit 'wfs-welcome' has no Vietnamese (vi) text for title, topics, description [missing-translation]" "$bin" check "$ex" --lang vi
n=$("$bin" check "$ex" --lang de 2>&1 | grep -c 'missing-translation')
[ "$n" = 0 ] && pass=$((pass + 1)) || { echo "FAIL check --lang de: $n warnings"; fail=$((fail + 1)); }
sed 's/^  language: de$/  language: de\n  accept: [missing-translation]/' "$ex" > "$tmp/accepted.yaml"
n=$("$bin" check "$tmp/accepted.yaml" --lang vi 2>&1 | grep -c 'missing-translation')
[ "$n" = 0 ] && pass=$((pass + 1)) || { echo "FAIL accept: [missing-translation]: $n warnings"; fail=$((fail + 1)); }
check check-bad-lang 2 "check: --lang: unknown language 'xx'" "$bin" check "$ex" --lang xx
check check-two-langs 2 "check: --lang: one language at a time, not 'de,vi'" "$bin" check "$ex" --lang de,vi
check bad-width 2 "--width takes a number" "$bin" plan "$ex" --width 5
check invite-needs-ics 2 "--invite goes with --format ics" "$bin" plan "$ex" --invite
check bad-epoch 2 "SOURCE_DATE_EPOCH must be a whole number" env SOURCE_DATE_EPOCH=yesterday "$bin" plan "$ex"
check help-export 0 "All or nothing" "$bin" help export
check export-no-dir 2 "no directory given" "$bin" export "$ex"

# Nothing lost: a full disk, a read-only place, a missing directory, and a
# plan with conflicts each leave what was there byte for byte.
check dev-full 3 "No space left on device" "$bin" plan "$ex" -o /dev/full
check read-only 3 "cannot write '/sys/kernel/itinerary-test.txt'" "$bin" plan "$ex" -o /sys/kernel/itinerary-test.txt
check missing-dir 3 "No such file or directory" "$bin" plan "$ex" -o "$tmp/no/such/dir/out.txt"
printf 'precious\n' > "$tmp/keep.txt"
sed 's/^    start: "10:30"$/    start: "09:00"/' "$ex" > "$tmp/conflict.yaml"
sed -i "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$tmp/conflict.yaml"
check conflict-exit 1 "overlap by 43m, and 30m (transfer 15m by bus + 15m buffer) are needed" "$bin" plan "$tmp/conflict.yaml" -o "$tmp/keep.txt"
check conflict-untouched 0 "precious" cat "$tmp/keep.txt"
check invalid-untouched 2 "error" "$bin" plan "$src/tests/cli/invalid/duration-bare-number.yaml" -o "$tmp/keep.txt"
check invalid-untouched-2 0 "precious" cat "$tmp/keep.txt"
leftovers=$(find "$tmp" -name '*.tmp.*' | wc -l)
check no-temporaries 0 "0" echo "$leftovers"

# export: everything for everyone, all or nothing.
check export 0 "" "$bin" export "$ex" -d "$tmp/out"
n=$(find "$tmp/out" -type f -not -name '.*' | wc -l)
check export-files 0 "48" echo "$n"   # 5 for the delegation, 3 transport sheets, 4 for each of 10 participants
check export-names 0 "kr-mss-saxony-2022.ics" ls "$tmp/out"
check export-transport 0 "transport.csv" ls "$tmp/out"
check plan-transport 0 "Benötigte Fahrzeuge: 1 (09:25)" "$bin" plan "$ex" --format transport
sed -e 's/^  id: kr-mss-saxony-2022$/  id: transport/' -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$ex" > "$tmp/transport-id.yaml"
check export-transport-id 2 "the delegation's id 'transport' names the transport sheet's files" "$bin" export "$tmp/transport-id.yaml" -d "$tmp/transport-id"
check export-transport-id-nothing 1 "" test -e "$tmp/transport-id"
check export-personal 0 "lee.txt" ls "$tmp/out/participants"
check export-personal-audience 0 "Programm für:  Katrin Walther" cat "$tmp/out/participants/walther.txt"
check export-personal-calendar-name 0 "zu Gast in Sachsen – Katrin" cat "$tmp/out/participants/walther.ics"
check export-own-language 0 "장소: Wirtschaftsförderung" cat "$tmp/out/participants/kim-minjun.txt"
check export-own-languages 0 "장소 / Ort: Wirtschaftsförderung" cat "$tmp/out/participants/lee.txt"
check export-delegation-language 0 "Ort: Wirtschaftsförderung" cat "$tmp/out/participants/walther.txt"
check export-own-calendar 0 "DESCRIPTION;LANGUAGE=ko:주제:" cat "$tmp/out/participants/kim-minjun.ics"
check export-read-only 3 "cannot create '/sys/kernel/itinerary-test'" "$bin" export "$ex" -d /sys/kernel/itinerary-test
check export-read-only-gone 1 "" test -e /sys/kernel/itinerary-test
# A failure while files are being put in place: every old file is restored.
cp -r "$tmp/out" "$tmp/before"
printf 'old agenda\n' > "$tmp/out/kr-mss-saxony-2022.txt"
cp "$tmp/out/kr-mss-saxony-2022.txt" "$tmp/before/kr-mss-saxony-2022.txt"
rm "$tmp/out/participants/walther.md" "$tmp/before/participants/walther.md"
mkdir "$tmp/out/participants/walther.md" "$tmp/before/participants/walther.md"
check export-rollback 3 "itinerary: cannot" "$bin" export "$ex" -d "$tmp/out"
check export-rollback-same 0 "" diff -r "$tmp/before" "$tmp/out"
check export-conflict 1 "cannot make it" "$bin" export "$tmp/conflict.yaml" -d "$tmp/fresh"
check export-conflict-nothing 1 "" test -e "$tmp/fresh"

# Regression: a day window ending at midnight was printed "00:00".
printf 'delegation:\n  id: x\n  title: X\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n  day: {start: "22:00", end: "24:00"}\n  participants: [{id: a, name: A}]\ninstitutions:\n  - {id: p, name: P, geo: [51, 13]}\nvisits:\n  - {id: long, title: Long, at: p, date: 2022-11-22, duration: 3h}\n' > "$tmp/midnight.yaml"
check window-midnight 1 "searched 22:00–24:00" "$bin" check "$tmp/midnight.yaml"
# Regression: the source line of a UTF-16 file was echoed under its error as
# raw bytes; a line that is not UTF-8 is not shown.
printf 'itinerary: 1\ndelegation:\n  id: x\n' | iconv -f UTF-8 -t UTF-16 > "$tmp/utf16.yaml"
check utf16-message 2 "is UTF-16" "$bin" check "$tmp/utf16.yaml"
if "$bin" check "$tmp/utf16.yaml" 2>&1 | LC_ALL=C grep -q '[^ -~]'; then
  echo "FAIL utf16-echo: bytes that are not printable ASCII on stderr"; fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
