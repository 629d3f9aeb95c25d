#!/usr/bin/python3
"""Invitations to be mailed, one event a message, read with python3-icalendar.

usage: check_itip.py ITINERARY SOURCE_DIR OUT_DIR

For every revision pair of tests/diff/pairs:

* `plan NEW --format ics --invite -o DIR/` writes one file per event, each a
  METHOD:REQUEST calendar with exactly one VEVENT and the VTIMEZONE of every
  TZID it uses; together they hold the events of the one-file invitation
  (`plan --invite`), property for property;
* `diff OLD NEW --format ics --invite -o DIR/` writes, for each participant
  with an e-mail address, files PARTICIPANT.*.request.ics and
  *.cancel.ics, each with one VEVENT and METHOD REQUEST or CANCEL, the
  participant among its ATTENDEEs (a CANCEL: the only one, STATUS:CANCELLED),
  a SEQUENCE above OLD's for that UID. Processed by the participant's
  calendar (RFC 5546: a REQUEST adds or replaces, a CANCEL removes) over
  their invitation of OLD (`plan OLD --invite --participant ID`), they
  leave their invitation of NEW, event for event.

Prints "N passed, N failed" (one check per participant and per pair).
"""
import glob
import os
import subprocess
import sys

import icalendar

BIN, SRC, OUT = sys.argv[1:4]
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1668384000", TZ="UTC")
IGNORED = {"DTSTAMP", "SEQUENCE"}


def ical(v):
    r = v.to_ical() if hasattr(v, "to_ical") else str(v)
    return r.decode("utf-8") if isinstance(r, bytes) else r


def normal(ev):
    props = []
    for name, value in ev.property_items(recursive=False):
        if name in IGNORED or name in ("BEGIN", "END"):
            continue
        if name in ("DTSTART", "DTEND"):
            props.append((name, ev[name].dt.isoformat(), ev[name].params.get("TZID")))
            continue
        params = tuple(sorted((k, str(v)) for k, v in value.params.items())) if hasattr(value, "params") else ()
        props.append((name, ical(value), params))
    alarms = [[(k, ical(v)) for k, v in sorted(a.property_items(recursive=False))] for a in ev.walk("VALARM")]
    return sorted(props, key=repr), alarms


def events(data):
    if not data:
        return None, {}
    cal = icalendar.Calendar.from_ical(data)
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, env=ENV, cwd=SRC)
    return p.returncode, p.stdout, p.stderr.decode()


def message_problems(path, method):
    problems = []
    cal, evs = events(open(path, "rb").read())
    name = os.path.basename(path)
    if str(cal.get("METHOD")) != method:
        problems.append("%s: METHOD %s, not %s" % (name, cal.get("METHOD"), method))
    if len(evs) != 1:
        problems.append("%s: %d events, not one" % (name, len(evs)))
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
    for ev in evs.values():
        for p in ("DTSTART", "DTEND"):
            tzid = ev[p].params.get("TZID") if p in ev else None
            if tzid and tzid not in zones:
                problems.append("%s: %s;TZID=%s without its VTIMEZONE" % (name, p, tzid))
        if "ORGANIZER" not in ev:
            problems.append("%s: no ORGANIZER" % name)
    return problems, evs


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in glob.glob(os.path.join(OUT, "*", "*.ics")):
        os.remove(f)
    passed = failed = 0

    def report(what, problems):
        nonlocal passed, failed
        for p in problems[:5]:
            print("FAIL %s: %s" % (what, p))
        if problems:
            failed += 1
        else:
            passed += 1

    pairs = [l.split() for l in open(os.path.join(SRC, "tests/diff/pairs")) if l.strip() and not l.startswith("#")]
    for name, old, new, *_ in pairs:
        # plan --invite into a directory: one REQUEST per event.
        d = os.path.join(OUT, name + ".plan")
        rc, _, err = run("plan", new, "--format", "ics", "--invite", "-o", d + "/")
        problems = [] if rc == 0 else ["plan --invite -o DIR/ exited %d: %s" % (rc, err[:200])]
        got = {}
        for f in sorted(glob.glob(os.path.join(d, "*.ics"))):
            ps, evs = message_problems(f, "REQUEST")
            problems += ps
            got.update(evs)
        rc, whole, err = run("plan", new, "--format", "ics", "--invite")
        _, want = events(whole)
        if set(got) != set(want):
            problems.append("events %s, the invitation has %s" % (sorted(set(got) ^ set(want))[:3], "others"))
        problems += ["%s differs from the invitation's" % u for u in want if u in got and normal(got[u]) != normal(want[u])]
        report("%s: plan --invite -o DIR/" % name, problems)

        # diff --invite: per participant, REQUESTs and CANCELs.
        d = os.path.join(OUT, name + ".diff")
        rc, _, err = run("diff", old, new, "--format", "ics", "--invite", "-o", d + "/")
        if rc not in (0, 1):
            report("%s: diff --invite" % name, ["exited %d: %s" % (rc, err[:200])])
            continue
        people = set()
        for f in (old, new):
            people |= {l.split("\t")[0] for l in run("list", f, "participants")[1].decode().splitlines()}
        for person in sorted(people):
            problems = []
            olds = run("plan", old, "--format", "ics", "--invite", "--participant", person)
            news = run("plan", new, "--format", "ics", "--invite", "--participant", person)
            _, before = events(olds[1] if olds[0] == 0 else b"")
            _, after = events(news[1] if news[0] == 0 else b"")
            store = dict(before)
            files = sorted(glob.glob(os.path.join(d, person + ".*.ics")))
            for f in files:
                method = "CANCEL" if f.endswith(".cancel.ics") else "REQUEST"
                ps, evs = message_problems(f, method)
                problems += ps
                for uid, ev in evs.items():
                    att = ev.get("ATTENDEE")
                    att = att if isinstance(att, list) else [att] if att is not None else []
                    if method == "CANCEL":
                        if str(ev.get("STATUS")) != "CANCELLED":
                            problems.append("%s: STATUS %s" % (os.path.basename(f), ev.get("STATUS")))
                        if len(att) != 1:
                            problems.append("%s: %d ATTENDEEs, not the one uninvited" % (os.path.basename(f), len(att)))
                    if uid in before and int(ev.get("SEQUENCE", 0)) <= int(before[uid].get("SEQUENCE", 0)):
                        problems.append("%s: SEQUENCE not above the old invitation's" % os.path.basename(f))
                    if method == "CANCEL":
                        store.pop(uid, None)
                    else:
                        store[uid] = ev
            if set(store) != set(after):
                problems.append("after the messages: %s, the new invitation: %s" % (sorted(set(store) - set(after))[:2],
                                                                                    sorted(set(after) - set(store))[:2]))
            problems += ["%s differs from the new invitation's" % u for u in after
                         if u in store and normal(store[u]) != normal(after[u])]
            if not files and before != {} and set(before) != set(after):
                problems.append("no messages, but the invitations differ")
            report("%s: diff --invite, %s" % (name, person), problems)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and passed > 0 else 1)


main()
