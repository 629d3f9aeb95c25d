#!/usr/bin/env bash
# `itinerary diff` and `export --since` on the command line: options, their
# errors, exit statuses as diff(1), OLD in another directory with its own
# includes, and the files export writes.
# usage: run_commands.sh ITINERARY SOURCE_DIR
set -u
bin=$1 src=$2
pass=0 fail=0
check() { # name, expected exit, expected substring of stdout+stderr, command...
  local name=$1 want=$2 sub=$3; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ]; then echo "FAIL $name: exit $rc, expected $want"; printf '%s\n' "$out" | sed 's/^/    /' | head -20; fail=$((fail + 1)); return; fi
  if ! grep -qF -- "$sub" <<<"$out"; then echo "FAIL $name: output lacks '$sub'"; printf '%s\n' "$out" | sed 's/^/    /' | head -20; fail=$((fail + 1)); return; fi
  pass=$((pass + 1))
}
export SOURCE_DATE_EPOCH=1668384000 TZ=UTC
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
new=$src/data/examples/kr-mss-saxony-2022.yaml
old=$src/tests/diff/revisions/kr-mss-saxony-2022.r2.yaml

# Usage errors: exit 2, nothing written.
check help 0 "usage: itinerary diff OLD NEW" "$bin" help diff
check help-option 0 "Exits 0 when nothing changed" "$bin" diff --help
check listed 0 "diff OLD NEW" "$bin" --help
check no-files 2 "diff: expected two files, OLD and NEW" "$bin" diff
check one-file 2 "diff: expected two files, OLD and NEW" "$bin" diff "$old"
check three-files 2 "diff: more than two files, OLD and NEW ('x.yaml')" "$bin" diff "$old" "$new" x.yaml
check bad-format 2 "diff: unknown format 'pdf' (expected text, md, json or ics)" "$bin" diff "$old" "$new" --format pdf
check transport-format 2 "diff: unknown format 'transport'" "$bin" diff "$old" "$new" --format transport
check bad-lang 2 "diff: --lang: unknown language 'it'" "$bin" diff "$old" "$new" --lang it
check two-langs 2 "diff: --lang: a change notice is in one language, not 'de,ko'" "$bin" diff "$old" "$new" --lang de,ko
check bad-width 2 "diff: --width takes a number of columns from 20 to 1000, not '7'" "$bin" diff "$old" "$new" --width 7
check both-filters 2 "diff: --participant and --group exclude each other" "$bin" diff "$old" "$new" --participant park --group research
check unknown-participant 2 "no participant has the id 'nobody' in" "$bin" diff "$old" "$new" --participant nobody
check unknown-group 2 "no group has the id 'nobody' in" "$bin" diff "$old" "$new" --group nobody
check empty-output 2 "diff: the output file name is empty (-o '')" "$bin" diff "$old" "$new" -o ''
check both-stdin 2 "diff: OLD and NEW cannot both be standard input" "$bin" diff - - 
check unknown-option 2 "diff: unknown option '--since'" "$bin" diff "$old" "$new" --since x
check no-value 2 "diff: '--participant' needs a value" "$bin" diff "$old" "$new" --participant
check invite-not-ics 2 "diff: --invite goes with --format ics" "$bin" diff "$old" "$new" --invite -o "$tmp/inv/"
check invite-no-dir 2 "diff: --invite writes one file per message: give a directory (-o DIR/)" "$bin" diff "$old" "$new" --format ics --invite
check invite-file 2 "give a directory" "$bin" diff "$old" "$new" --format ics --invite -o "$tmp/inv.ics"
check invite-nothing 1 "" test -e "$tmp/inv.ics"
check output-is-input 2 "is the same file as the input" "$bin" diff "$old" "$new" -o "$new"
check bad-epoch 2 "SOURCE_DATE_EPOCH must be a whole number" env SOURCE_DATE_EPOCH=now "$bin" diff "$old" "$new"

# Trouble with a plan: exit 2, whichever side.
check missing-old 2 "cannot read 'no/such.yaml'" "$bin" diff no/such.yaml "$new"
check missing-new 2 "'no/such.yaml' cannot be scheduled; nothing was compared" "$bin" diff "$old" no/such.yaml
check invalid-new 2 "cannot be scheduled; nothing was compared" "$bin" diff "$old" "$src/tests/cli/invalid/duplicate-key.yaml"
sed -e 's/^    start: "10:30"$/    start: "09:00"/' -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$new" > "$tmp/conflict.yaml"
check conflict-new 2 "the schedule of '$tmp/conflict.yaml' has conflicts; nothing was compared" "$bin" diff "$new" "$tmp/conflict.yaml"
printf 'precious\n' > "$tmp/keep.txt"
check conflict-untouched 2 "has conflicts" "$bin" diff "$new" "$tmp/conflict.yaml" -o "$tmp/keep.txt"
check conflict-untouched-2 0 "precious" cat "$tmp/keep.txt"

# Exit status as diff(1).
check same 0 "No changes." "$bin" diff "$new" "$new" --lang en
check same-json 0 '"changes": [' "$bin" diff "$new" "$new" --format json
check differ 1 "12 changes affecting 10 of 10 participants" "$bin" diff "$old" "$new" --lang en
check differ-participant 1 "6 changes for you" "$bin" diff "$old" "$new" --lang en --participant park
check nothing-for-them 0 "No changes." "$bin" diff "$new" "$new" --lang en --participant park
check reversed 1 "The visit at 14:15 has been removed from the itinerary." "$bin" diff "$new" "$old" --lang en
check write-ics 1 "" "$bin" diff "$old" "$new" --format ics -o "$tmp/update.ics"
check wrote-ics 0 "METHOD:PUBLISH" cat "$tmp/update.ics"
check dev-full 3 "No space left on device" "$bin" diff "$old" "$new" -o /dev/full

# A participant only one revision has: everything is new, or gone, for them.
sed -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" \
    -e 's/^    - {id: bauer, .*$/    - {id: bauer-ms, name: Min-seo Bauer, role: Dolmetscherin, org: freiberuflich}/' \
    -e 's/walther, bauer\]/walther, bauer-ms]/' "$new" > "$tmp/renamed.yaml"
check gone-participant 1 "is no longer in your itinerary" "$bin" diff "$new" "$tmp/renamed.yaml" --participant bauer --lang en
check new-participant 1 "New in your itinerary." "$bin" diff "$new" "$tmp/renamed.yaml" --participant bauer-ms --lang en

# --invite into a directory: one message a file.
check invite-diff 1 "" "$bin" diff "$old" "$new" --format ics --invite -o "$tmp/inv/"
check invite-diff-files 0 "park.visit.ilk-lab.request.ics" ls "$tmp/inv"
check invite-diff-cancel 0 "METHOD:CANCEL" cat "$tmp/inv/park.transfer.lunch-ilk+3Assh-visit.cancel.ics"
check invite-diff-participant 1 "" "$bin" diff "$old" "$new" --format ics --invite -o "$tmp/inv-park/" --participant park
check invite-diff-only-theirs 1 "" bash -c "ls '$tmp/inv-park' | grep -v '^park\.'"
check invite-plan 0 "" "$bin" plan "$new" --format ics --invite -o "$tmp/inv-plan/"
check invite-plan-files 0 "22" bash -c "ls '$tmp/inv-plan' | wc -l"
check invite-plan-one-event 0 "1" bash -c "grep -c '^BEGIN:VEVENT' '$tmp/inv-plan/visit.wfs-welcome.ics'"
sed -e 's/^  organizer: .*$//' -e "s#include: \[../../../data/institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$old" > "$tmp/no-organizer.yaml"
check invite-no-organizer 2 "--invite needs the organizer's e-mail address" "$bin" diff "$tmp/no-organizer.yaml" "$new" --format ics --invite -o "$tmp/inv-x/"
check invite-no-organizer-nothing 1 "" test -e "$tmp/inv-x"

# The revision must grow when something changed.
sed -e 's/^  revision: 3$/  revision: 2/' -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$new" > "$tmp/r2-again.yaml"
check revision-warning 1 "warning: the itinerary changed, but revision 2 is not greater than the old plan's revision 2" "$bin" diff "$old" "$tmp/r2-again.yaml"
check revision-position 1 "r2-again.yaml:34:13: warning" "$bin" diff "$old" "$tmp/r2-again.yaml"
sed -e '/^  revision: 3$/d' -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$new" > "$tmp/no-revision.yaml"
check no-revision-warning 1 "the new plan has no revision" "$bin" diff "$old" "$tmp/no-revision.yaml"
check revision-name 1 "calendar programs ignore updates whose SEQUENCE does not grow [revision]" "$bin" diff "$old" "$tmp/r2-again.yaml"
sed 's/^  revision: 2$/  revision: 2\n  accept: [revision]/' "$tmp/r2-again.yaml" > "$tmp/r2-accepted.yaml"
check revision-accepted 0 "0" bash -c "'$bin' diff '$old' '$tmp/r2-accepted.yaml' 2>&1 >/dev/null | grep -c 'SEQUENCE does not grow' || true"
check same-no-warning 0 "No changes." bash -c "'$bin' diff '$tmp/r2-again.yaml' '$tmp/r2-again.yaml' --lang en 2>&1 | grep -v 'warning: visit'"

check other-delegation 1 "warning: the delegations' ids differ ('kr-mss-saxony-2022' before, 'de-smwa-korea-2023' now)" "$bin" diff "$new" "$src/data/examples/de-smwa-korea-2023.yaml"

# OLD in another directory with its own includes (as a git worktree of an
# earlier commit would be), and OLD from standard input.
mkdir -p "$tmp/wt/data/examples" "$tmp/wt/data/institutions"
cp "$new" "$tmp/wt/data/examples/"
cp "$src/data/institutions/saxony.yaml" "$tmp/wt/data/institutions/"
check other-tree 0 "No changes." "$bin" diff "$tmp/wt/data/examples/kr-mss-saxony-2022.yaml" "$new" --lang en
sed -i 's/Hilton Dresden/Hilton Dresden (alt)/' "$tmp/wt/data/institutions/saxony.yaml"
check other-tree-includes 1 "Hilton Dresden (alt)" "$bin" diff "$tmp/wt/data/examples/kr-mss-saxony-2022.yaml" "$new" --lang en
check stdin-old 1 "12 changes" bash -c "cd '$src/tests/diff/revisions' && '$bin' diff - '$new' --lang en < kr-mss-saxony-2022.r2.yaml"

# export --since: the notices and update calendars, only for those with
# changes, all or nothing, and gone again with the next export without it.
sed -e 's/^    topics: \[Faserverbundbauteile, Spritzgießen, Bauteilprüfung\]$/    topics: [Faserverbundbauteile, Bauteilprüfung]/' \
    -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" \
    -e 's/^  revision: 3$/  revision: 4/' "$new" > "$tmp/r4.yaml"
check since 0 "" "$bin" export "$tmp/r4.yaml" -d "$tmp/since" --since "$new"
check since-delegation 0 "changes.txt" ls "$tmp/since"
check since-delegation-ics 0 "STATUS:CONFIRMED" cat "$tmp/since/changes.ics"
check since-json 0 '"kind": "details", "item_kind": "visit", "item": "ilk-lab"' cat "$tmp/since/changes.json"
check since-summary 0 "1 Änderung für 4 von 10 Teilnehmenden" cat "$tmp/since/changes.txt"
# A participant's notice is in their own language (park: ko), the
# delegation's in the delegation's (de).
check since-personal 0 "14:15 일정의 세부 내용이 변경되었습니다: 주제" cat "$tmp/since/changes/park.txt"
check since-only-affected 0 "choi.ics choi.md choi.txt han.ics han.md han.txt kang.ics kang.md kang.txt park.ics park.md park.txt" bash -c "ls '$tmp/since/changes' | xargs"
check since-manifest 0 "changes/park.ics" cat "$tmp/since/.itinerary-manifest"
check since-again 0 "" "$bin" export "$tmp/r4.yaml" -d "$tmp/since"
check since-gone 0 "0" bash -c "find '$tmp/since' -name 'changes*' -type f | wc -l"
check since-none 0 "" "$bin" export "$new" -d "$tmp/none" --since "$new"
check since-none-text 0 "Keine Änderungen." cat "$tmp/none/changes.txt"
check since-none-personal 1 "" test -e "$tmp/none/changes"
check since-empty 2 "export: the earlier revision's file name is empty (--since '')" "$bin" export "$new" -d "$tmp/x" --since ''
check since-both-stdin 2 "FILE and --since OLD cannot both be standard input" "$bin" export - -d "$tmp/x" --since -
check since-conflict 2 "export --since: the schedule of '$tmp/conflict.yaml' has conflicts" "$bin" export "$new" -d "$tmp/x" --since "$tmp/conflict.yaml"
check since-conflict-nothing 1 "" test -e "$tmp/x"
check since-missing 2 "export --since: 'no/such.yaml' cannot be scheduled" "$bin" export "$new" -d "$tmp/x" --since no/such.yaml
sed -e 's/^  id: kr-mss-saxony-2022$/  id: changes/' -e "s#include: \[../institutions/saxony.yaml\]#include: [$src/data/institutions/saxony.yaml]#" "$new" > "$tmp/changes-id.yaml"
check since-changes-id 2 "the delegation's id 'changes' names the files of the changes" "$bin" export "$tmp/changes-id.yaml" -d "$tmp/x" --since "$tmp/changes-id.yaml"
check changes-id-without-since 0 "" "$bin" export "$tmp/changes-id.yaml" -d "$tmp/y"
check help-export 0 "--since OLD" "$bin" help export

# The git workflow of docs/format.md §20.4: an earlier revision in a
# `git worktree`, compared with `itinerary diff`; `git diff` through the
# textconv set-up shows the agenda's changes.
if command -v git >/dev/null; then
  repo=$tmp/repo
  mkdir -p "$repo/data/examples" "$repo/data/institutions"
  sed 's#../../../data/institutions/saxony.yaml#../institutions/saxony.yaml#' "$old" > "$repo/data/examples/kr-mss-saxony-2022.yaml"
  cp "$src/data/institutions/saxony.yaml" "$repo/data/institutions/"
  g() { git -C "$repo" -c user.name=test -c user.email=test@example.org -c init.defaultBranch=main "$@"; }
  g init -q && g add . && g commit -qm r2
  cp "$new" "$repo/data/examples/kr-mss-saxony-2022.yaml"
  g commit -qam r3
  g worktree add -q "$tmp/r2" HEAD~1
  check git-worktree 1 "12 changes affecting 10 of 10 participants" \
    "$bin" diff "$tmp/r2/data/examples/kr-mss-saxony-2022.yaml" "$repo/data/examples/kr-mss-saxony-2022.yaml" --lang en
  echo 'data/examples/*.yaml diff=itinerary' > "$repo/.gitattributes"
  g config diff.itinerary.textconv \
    'f() { case "$1" in /*) ;; *) set -- "$PWD/$1" ;; esac; cd data/examples && itinerary plan --lang en - < "$1"; }; f'
  check git-textconv 0 "+14:15–15:15  Laborbesichtigung" env PATH="$(dirname "$bin"):$PATH" git -C "$repo" log -p -1 --format=
  check git-textconv-old 0 "-14:30–15:30  Führung durch die Gläserne Manufaktur" env PATH="$(dirname "$bin"):$PATH" git -C "$repo" log -p -1 --format=
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
