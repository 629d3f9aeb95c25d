#!/usr/bin/env bash
# Interrupted and concurrent runs: SIGINT, SIGTERM and SIGHUP leave no
# temporaries and an export all old or all new, also when the signal comes
# while files are renamed into place; two exports into one directory never
# mix their files. strace slows the renames down so that a signal, or a
# second export, lands in the middle of them every time.
#   usage: run_interrupts.sh ITINERARY-BINARY SOURCE-DIR
set -u
bin=$1 src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
command -v strace >/dev/null || { echo "run_interrupts.sh: strace is needed"; exit 2; }
pass=0 fail=0
ok() { # name, command...: passes when the command succeeds
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL $name: $*"; fail=$((fail + 1)); fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1668000000
ex=$src/data/examples/kr-mss-saxony-2022.yaml
# A bigger delegation: 80 participants, 244 files.
mkdir -p "$tmp/trip" "$tmp/institutions"
cp "$src/data/institutions/saxony.yaml" "$tmp/institutions/"
awk '{ print } /^  participants:$/ { for (i = 0; i < 70; i++) printf "    - {id: extra-%02d, name: Extra %d}\n", i, i }' "$ex" > "$tmp/trip/big.yaml"
big=$tmp/trip/big.yaml
"$bin" export "$big" -d "$tmp/big-en" --lang en || exit 2
"$bin" export "$big" -d "$tmp/big-de" --lang de || exit 2
"$bin" export "$ex" -d "$tmp/ref-en" --lang en || exit 2
"$bin" export "$ex" -d "$tmp/ref-de" --lang de || exit 2

# A background job of a script starts with SIGINT ignored (and then it stays
# ignored, as for nohup): give it the default.
run() { exec env --default-signal=INT,TERM,HUP "$@" 2>/dev/null; }
# LeakSanitizer cannot run under strace (a sanitizer build).
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
same() { diff -rq --exclude=.itinerary-lock "$1" "$2" >/dev/null; }
one_of() { same "$1" "$2" || same "$1" "$3"; }
no_temporaries() { [ -z "$(find "$1" -name '*itinerary-tmp*' -o -name '*.tmp.*' -o -name '*.old.*')" ]; }
# Wait until the first file of an export has been put in place (the renames
# have begun): the agenda in DIR no longer matches the German one.
renaming() { for _ in $(seq 1500); do cmp -s "$1/kr-mss-saxony-2022.txt" "$tmp/ref-de/kr-mss-saxony-2022.txt" || return 0; sleep 0.02; done; return 1; }
# The itinerary process strace runs. strace also forks short-lived children
# of its own to probe ptrace: only a child that runs the binary is the one.
child_of() {
  local c="" name; name=$(basename "$bin" | cut -c1-15)
  for _ in $(seq 1000); do
    c=$(ps -o pid=,comm= --ppid "$1" | awk -v n="$name" '$2 == n { print $1; exit }')
    [ -n "$c" ] && break; sleep 0.01
  done
  echo "$c"
}

# A signal while the files are rendered: nothing is left, nothing changed.
round=0
for sig in INT TERM HUP; do
  for delay in 0.1 0.5 1.0; do
    round=$((round + 1))
    rm -rf "$tmp/out"; cp -r "$tmp/big-de" "$tmp/out"
    run "$bin" export "$big" -d "$tmp/out" --lang en & pid=$!
    sleep "$delay"; kill -"$sig" "$pid" 2>/dev/null; wait "$pid"; rc=$?
    [ "$delay" = 0.1 ] && ok "render-$sig-$delay-stopped (exit $rc)" test "$rc" -gt 128
    ok "render-$sig-$delay-clean" no_temporaries "$tmp/out"
    ok "render-$sig-$delay-whole" one_of "$tmp/out" "$tmp/big-en" "$tmp/big-de"
  done
done
# Into a directory that did not exist: it is all there, or not at all.
for delay in 0.05 0.3; do
  rm -rf "$tmp/fresh"
  run "$bin" export "$big" -d "$tmp/fresh" --lang en & pid=$!
  sleep "$delay"; kill -INT "$pid" 2>/dev/null; wait "$pid"
  ok "fresh-$delay-nothing-or-all" bash -c "[ ! -e '$tmp/fresh' ] || diff -rq '$tmp/fresh' '$tmp/big-en' >/dev/null"
done
# A signal while the files are renamed into place (0.2 s each): the export
# completes first, then the signal takes effect.
for sig in INT TERM HUP; do
  rm -rf "$tmp/out"; cp -r "$tmp/ref-de" "$tmp/out"
  run strace -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=200000 \
    "$bin" export "$ex" -d "$tmp/out" --lang en & tracer=$!
  pid=$(child_of "$tracer")
  renaming "$tmp/out"; kill -"$sig" "$pid"; wait "$tracer"; rc=$?
  ok "commit-$sig-stopped (exit $rc)" test "$rc" -gt 128
  ok "commit-$sig-clean" no_temporaries "$tmp/out"
  ok "commit-$sig-complete" same "$tmp/out" "$tmp/ref-en"
done
# A second export while the first one renames its files: it waits.
rm -rf "$tmp/out"; cp -r "$tmp/ref-de" "$tmp/out"
strace -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=200000 \
  "$bin" export "$ex" -d "$tmp/out" --lang en & tracer=$!
renaming "$tmp/out"
"$bin" export "$ex" -d "$tmp/out" --lang de 2> "$tmp/second.err"
wait "$tracer"
ok concurrent-not-mixed one_of "$tmp/out" "$tmp/ref-en" "$tmp/ref-de"
ok concurrent-waits grep -q "waiting for another export into" "$tmp/second.err"
ok concurrent-clean no_temporaries "$tmp/out"
# Many rounds without strace: two exports at once, never a mixture.
mixed=0
for i in $(seq 10); do
  "$bin" export "$ex" -d "$tmp/out" --lang en 2>/dev/null & a=$!
  "$bin" export "$ex" -d "$tmp/out" --lang de 2>/dev/null & b=$!
  wait "$a" "$b"
  one_of "$tmp/out" "$tmp/ref-en" "$tmp/ref-de" || mixed=$((mixed + 1))
done
ok "concurrent-rounds-not-mixed ($mixed of 10 mixed)" test "$mixed" = 0

echo "$pass passed, $fail failed"
[ $fail = 0 ]
