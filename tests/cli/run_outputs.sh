#!/usr/bin/env bash
# Outputs that never hurt the user's files: an input is never an output; the
# mode, owner, links and permissions a file has are kept; devices are written
# in place; crashes leave no temporaries; export removes only the files an
# earlier export wrote; standard output errors are reported.
#   usage: run_outputs.sh ITINERARY-BINARY SOURCE-DIR
# Runs as root in CI: permission cases run the program as user 65534.
set -u
bin=$1 src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
pass=0 fail=0
check() { # name, expected exit, expected substring of stdout+stderr, command...
  local name=$1 want=$2 sub=$3; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ]; then echo "FAIL $name: exit $rc, expected $want"; printf '%s\n' "$out" | head -5 | sed 's/^/    /'; fail=$((fail + 1)); return; fi
  if ! grep -qF -- "$sub" <<<"$out"; then echo "FAIL $name: output lacks '$sub'"; printf '%s\n' "$out" | head -5 | sed 's/^/    /'; fail=$((fail + 1)); return; fi
  pass=$((pass + 1))
}
ok() { # name, command...: passes when the command succeeds
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL $name: $*"; fail=$((fail + 1)); fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir -p "$tmp/trip" "$tmp/institutions"
cp "$src/data/examples/kr-mss-saxony-2022.yaml" "$tmp/trip/trip.yaml"
cp "$src/data/institutions/saxony.yaml" "$tmp/institutions/saxony.yaml"
cp "$tmp/trip/trip.yaml" "$tmp/trip.orig"
cp "$tmp/institutions/saxony.yaml" "$tmp/saxony.orig"
trip=$tmp/trip/trip.yaml
export SOURCE_DATE_EPOCH=1668000000
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

# --- An input is never an output (exit 2, nothing written), as gcc and cp.
check same-main 2 "same file as the input" "$bin" plan "$trip" -o "$trip"
ok same-main-kept cmp -s "$trip" "$tmp/trip.orig"
check same-relative 2 "same file as the input" bash -c "cd '$tmp/trip' && '$bin' plan trip.yaml -o ./trip.yaml"
ln -s trip.yaml "$tmp/trip/link.txt"
check same-symlink 2 "same file as the input" "$bin" plan "$trip" -o "$tmp/trip/link.txt"
ln "$trip" "$tmp/trip/hard.txt"
check same-hard-link 2 "same file as the input" "$bin" plan "$trip" -o "$tmp/trip/hard.txt"
check same-include 2 "saxony.yaml" "$bin" plan "$trip" -o "$tmp/institutions/saxony.yaml"
ok same-include-kept cmp -s "$tmp/institutions/saxony.yaml" "$tmp/saxony.orig"
ok same-all-kept cmp -s "$trip" "$tmp/trip.orig"
mkdir -p "$tmp/ex/out"
printf 'delegation:\n  id: x\n  title: X\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n  participants: [{id: a, name: A}]\ninclude: [out/x.md]\n' > "$tmp/ex/x.yaml"
printf 'institutions:\n  - {id: p, name: P, geo: [51, 13]}\n' > "$tmp/ex/out/x.md"
cp "$tmp/ex/out/x.md" "$tmp/x.md.orig"
check same-export 2 "same file as the input" "$bin" export "$tmp/ex/x.yaml" -d "$tmp/ex/out"
ok same-export-kept cmp -s "$tmp/ex/out/x.md" "$tmp/x.md.orig"
ok same-export-nothing test "$(ls -A "$tmp/ex/out")" = x.md

rm -f "$trip" "$tmp/institutions/saxony.yaml"  # for the tests below
cp "$tmp/trip.orig" "$trip"; cp "$tmp/saxony.orig" "$tmp/institutions/saxony.yaml"

# --- Mode, owner, links: what the user set is kept.
(umask 027; "$bin" plan "$trip" -o "$tmp/new-027.txt")
ok mode-new-umask-027 test "$(stat -c %a "$tmp/new-027.txt")" = 640
(umask 002; "$bin" plan "$trip" -o "$tmp/new-002.txt")
ok mode-new-umask-002 test "$(stat -c %a "$tmp/new-002.txt")" = 664
printf 'old\n' > "$tmp/kept.txt"; chmod 604 "$tmp/kept.txt"; chown 65534:65534 "$tmp/kept.txt"
"$bin" plan "$trip" -o "$tmp/kept.txt"
ok mode-owner-kept test "$(stat -c '%a %u %g' "$tmp/kept.txt")" = "604 65534 65534"
ok mode-owner-written grep -q Frauenkirche "$tmp/kept.txt"
printf 'old\n' > "$tmp/h1.txt"; ln "$tmp/h1.txt" "$tmp/h2.txt"
"$bin" plan "$trip" -o "$tmp/h1.txt"
ok hard-link-kept test "$(stat -c %h "$tmp/h1.txt")" = 2
ok hard-link-both grep -q Frauenkirche "$tmp/h2.txt"
printf 'old\n' > "$tmp/real.txt"; ln -s real.txt "$tmp/sym.txt"
"$bin" plan "$trip" -o "$tmp/sym.txt"
ok symlink-stays test -L "$tmp/sym.txt"
ok symlink-target-written grep -q Frauenkirche "$tmp/real.txt"
ln -s made.txt "$tmp/dangling.txt"
"$bin" plan "$trip" -o "$tmp/dangling.txt"
ok dangling-symlink-stays test -L "$tmp/dangling.txt"
ok dangling-target-made grep -q Frauenkirche "$tmp/made.txt"
# As user 65534: a program that wrongly replaced /dev/stdout cannot.
{ echo first; as_nobody "$bin" plan "$trip" -o /dev/stdout; } >> "$tmp/appended.txt"
ok dev-stdout-in-place test "$(head -1 "$tmp/appended.txt")" = first
ok dev-stdout-written grep -q Frauenkirche "$tmp/appended.txt"
ln -s /dev/stdout "$tmp/to-stdout"
{ echo second; as_nobody "$bin" plan "$trip" -o "$tmp/to-stdout"; } >> "$tmp/appended-2.txt"
ok link-to-dev-stdout-in-place test "$(head -1 "$tmp/appended-2.txt")" = second
ok link-to-dev-stdout-written grep -q Frauenkirche "$tmp/appended-2.txt"
# Permissions, as the shell's '>': a file the user may not write is an error
# (exit 3) even in a directory they may write; a file they may write in a
# directory they may not is written in place.
mkdir -m 777 "$tmp/open"; printf 'precious\n' > "$tmp/open/root.txt"; chmod 644 "$tmp/open/root.txt"
check not-writable 3 "Permission denied" as_nobody "$bin" plan "$trip" -o "$tmp/open/root.txt"
ok not-writable-kept test "$(cat "$tmp/open/root.txt")" = precious
mkdir -m 755 "$tmp/closed"; printf 'old\n' > "$tmp/closed/theirs.txt"; chmod 666 "$tmp/closed/theirs.txt"
check closed-dir-writable-file 0 "" as_nobody "$bin" plan "$trip" -o "$tmp/closed/theirs.txt"
ok closed-dir-written grep -q Frauenkirche "$tmp/closed/theirs.txt"
check closed-dir-new-file 3 "Permission denied" as_nobody "$bin" plan "$trip" -o "$tmp/closed/new.txt"

# --- Temporaries: those of dead runs are removed, those of live ones kept.
mkdir "$tmp/stale"
dead=$(sh -c 'echo $$')
touch "$tmp/stale/.out.txt.itinerary-tmp.$dead.abcdef" "$tmp/stale/.out.txt.itinerary-tmp.$$.abcdef"
"$bin" plan "$trip" -o "$tmp/stale/out.txt"
ok stale-dead-removed test ! -e "$tmp/stale/.out.txt.itinerary-tmp.$dead.abcdef"
ok stale-live-kept test -e "$tmp/stale/.out.txt.itinerary-tmp.$$.abcdef"
long=$(printf 'n%.0s' $(seq 250)).txt
check long-name 0 "" "$bin" plan "$trip" -o "$tmp/$long"
ok long-name-written grep -q Frauenkirche "$tmp/$long"
check too-long-name 3 "longer than the system allows" "$bin" plan "$trip" -o "$tmp/xy$long"

# --- Participants removed from the plan: their old files go; files export
# did not write stay, even where export writes.
mkdir -p "$tmp/pp/out/participants"
people() { printf 'delegation:\n  id: pp\n  title: P\n  start: 2022-11-22\n  end: 2022-11-22\n  timezone: Europe/Berlin\n  participants: [%s]\n' "$1" > "$tmp/pp/pp.yaml"; }
people '{id: a, name: A}, {id: b, name: B}, {id: c, name: C}'
printf 'mine\n' > "$tmp/pp/out/participants/notes.txt"
printf 'mine\n' > "$tmp/pp/out/participants/zz.txt"
check removed-first-export 0 "" "$bin" export "$tmp/pp/pp.yaml" -d "$tmp/pp/out"
ok removed-c-there test -e "$tmp/pp/out/participants/c.ics"
people '{id: a, name: A}, {id: b, name: B}'
check removed-second-export 0 "" "$bin" export "$tmp/pp/pp.yaml" -d "$tmp/pp/out"
ok removed-c-gone test "$(ls "$tmp/pp/out/participants" | tr '\n' ' ')" = "a.ics a.md a.pdf a.txt b.ics b.md b.pdf b.txt notes.txt zz.txt "
ok removed-others-kept test "$(cat "$tmp/pp/out/participants/notes.txt")" = mine
ok removed-top-kept test "$(ls "$tmp/pp/out" | tr '\n' ' ')" = "participants pp.ics pp.json pp.md pp.pdf pp.txt transport.csv transport.md transport.txt "
# A manifest line naming anything but an exported file is ignored.
printf 'participants/notes.txt.bak\n../escape.txt\n/etc/passwd\nparticipants/../x.txt\n' >> "$tmp/pp/out/.itinerary-manifest"
printf 'mine\n' > "$tmp/pp/escape.txt"
check removed-third-export 0 "" "$bin" export "$tmp/pp/pp.yaml" -d "$tmp/pp/out"
ok removed-never-outside test -e "$tmp/pp/escape.txt"

# --- Clear messages and the usual option forms.
check empty-o 2 "output file name is empty" "$bin" plan "$trip" -o ''
check empty-d 2 "directory name is empty" "$bin" export "$trip" -d ''
check o-slash 3 "names a directory" "$bin" plan "$trip" -o "$tmp/open/"
check o-dir 3 "is a directory" "$bin" plan "$trip" -o "$tmp/open"
mkdir -p "$tmp/xd/participants/lee.txt"
check export-target-dir 3 "participants/lee.txt': it is a directory" "$bin" export "$trip" -d "$tmp/xd"
check width-equals 0 "" "$bin" plan "$trip" --width=60 -o "$tmp/w60.txt"
"$bin" plan "$trip" --width 60 -o "$tmp/w60-apart.txt"
"$bin" plan "$trip" -o "$tmp/w80.txt"
ok width-equals-same cmp -s "$tmp/w60.txt" "$tmp/w60-apart.txt"
ok width-equals-wraps bash -c "! cmp -s '$tmp/w60.txt' '$tmp/w80.txt'"
check o-attached 0 "" "$bin" plan "$trip" "-o$tmp/attached.txt"
ok o-attached-written grep -q Frauenkirche "$tmp/attached.txt"
cp "$trip" "$tmp/trip/-dash.yaml"
check end-of-options 0 "feasible" bash -c "cd '$tmp/trip' && '$bin' check -- -dash.yaml"
check flag-no-value 2 "takes no value" "$bin" plan "$trip" --no-transfers=yes
printf 'delegation: {id: 1x}\n' > "$tmp/bad.yaml"
ok term-dumb-no-colour test "$(TERM=dumb script -qec "'$bin' check '$tmp/bad.yaml'" /dev/null | grep -c $'\e')" = 0
ok term-colour-on-terminal test "$(TERM=xterm script -qec "'$bin' check '$tmp/bad.yaml'" /dev/null | grep -c $'\e')" -gt 0

# --- Standard output: a full disk or a closed descriptor is an error.
for c in "list $trip participants" "check $trip" "help" "--help" "help plan" "--version" "plan $trip" "export --help"; do
  # shellcheck disable=SC2086
  check "stdout-full: $c" 3 "cannot write to standard output" bash -c "'$bin' $c > /dev/full"
  # shellcheck disable=SC2086
  check "stdout-closed: $c" 3 "cannot write to standard output" bash -c "'$bin' $c >&-"
done
check stdout-closed-unused 0 "" bash -c "'$bin' plan '$trip' -o '$tmp/quiet.txt' >&-"
ok stdout-closed-unused-written grep -q Frauenkirche "$tmp/quiet.txt"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
