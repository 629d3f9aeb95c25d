#!/usr/bin/env bash
# PDF agendas are reproducible: with SOURCE_DATE_EPOCH the same input gives
# the same bytes, whatever the time zone or the hour; the document's dates
# are that time; another SOURCE_DATE_EPOCH changes only them. Also for a
# whole export.
# usage: run_reproducible.sh ITINERARY SOURCE_DIR
set -u
bin=$1 src=$2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { # name, command...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL $name"; fail=$((fail + 1)); fi
}
for ex in "$src"/data/examples/*.yaml "$src/tests/pdf/hostile.yaml"; do
  n=$(basename "$ex" .yaml)
  SOURCE_DATE_EPOCH=1668384000 TZ=UTC "$bin" plan "$ex" --format pdf -o "$tmp/$n.1.pdf" 2>/dev/null
  SOURCE_DATE_EPOCH=1668384000 TZ=Asia/Seoul "$bin" plan "$ex" --format pdf -o "$tmp/$n.2.pdf" 2>/dev/null
  SOURCE_DATE_EPOCH=1700000000 "$bin" plan "$ex" --format pdf -o "$tmp/$n.3.pdf" 2>/dev/null
  ok "$n: the same bytes twice" cmp -s "$tmp/$n.1.pdf" "$tmp/$n.2.pdf"
  ok "$n: the dates are SOURCE_DATE_EPOCH's" grep -aq "/CreationDate (20221114000000Z)" "$tmp/$n.1.pdf"
  ok "$n: another time, another file" bash -c "! cmp -s '$tmp/$n.1.pdf' '$tmp/$n.3.pdf'"
  ok "$n: only the dates differ" cmp -s <(sed -E 's/\(20(22|23)[0-9]{10}Z\)/(D)/' "$tmp/$n.1.pdf") \
    <(sed -E 's/\(20(22|23)[0-9]{10}Z\)/(D)/' "$tmp/$n.3.pdf")
done
ex=$src/data/examples/kr-mss-saxony-2022.yaml
SOURCE_DATE_EPOCH=1668384000 "$bin" export "$ex" -d "$tmp/e1" 2>/dev/null
SOURCE_DATE_EPOCH=1668384000 TZ=America/New_York "$bin" export "$ex" -d "$tmp/e2" 2>/dev/null
ok "export: every PDF the same" diff -r "$tmp/e1" "$tmp/e2"
ok "export: a PDF for each participant" test "$(ls "$tmp/e1/participants"/*.pdf | wc -l)" = 10
echo "$pass passed, $fail failed"
[ $fail = 0 ]
