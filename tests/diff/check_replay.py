#!/usr/bin/python3
"""Replay update calendars with python3-icalendar (Debian's): OLD's calendar
plus the update must give NEW's calendar, event for event (a missing update
file: OLD's calendar must be NEW's already).

usage: check_replay.py DIR     (DIR as tests/diff/replay.sh leaves it)

A calendar app that imported OLD's calendar keeps its events by UID; an event
of a METHOD:PUBLISH update replaces the one it has when its SEQUENCE is
greater (RFC 5546 §2.1.5, §3.2.1), and an event with STATUS:CANCELLED takes
it off the calendar. After the replay:

* every event of NEW is there, equal to NEW's in every property but DTSTAMP
  and SEQUENCE (times compared as instants, with their TZID), alarms included;
* every other event is cancelled;
* the update holds only what changed: each of its events is new, differs
  from OLD's, or cancels one of OLD's that NEW does not have;
* each of its events has a SEQUENCE above OLD's for that UID and at least
  NEW's, and the update is METHOD:PUBLISH with a VTIMEZONE for every TZID.

Prints "N passed, N failed" (one check per case).
"""
import datetime as dt
import os
import sys

import icalendar

UTC = dt.timezone.utc
IGNORED = {"DTSTAMP", "SEQUENCE"}


def events(path):
    data = open(path, "rb").read() if os.path.exists(path) else b""
    if not data:
        return None, {}
    cal = icalendar.Calendar.from_ical(data)
    got = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        if uid in got:
            raise ValueError("%s: UID %s twice" % (path, uid))
        got[uid] = ev
    return cal, got


def ical(v):
    r = v.to_ical() if hasattr(v, "to_ical") else str(v)
    return r.decode("utf-8") if isinstance(r, bytes) else r


def when(prop):
    v = prop.dt
    tzid = prop.params.get("TZID")
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            return ("floating", v.isoformat(), tzid)
        return (v.astimezone(UTC).isoformat(), tzid)
    return ("date", v.isoformat())


def normal(ev):
    """An event as comparable values: every property but DTSTAMP and
    SEQUENCE, and its alarms."""
    props = []
    for name, value in ev.property_items(recursive=False):
        if name in IGNORED or name in ("BEGIN", "END"):
            continue
        if name in ("DTSTART", "DTEND"):
            props.append((name, when(ev[name])))
            continue
        params = tuple(sorted((k, str(v)) for k, v in value.params.items())) if hasattr(value, "params") else ()
        props.append((name, ical(value), params))
    alarms = [sorted(a.property_items(recursive=False)) for a in ev.walk("VALARM")]
    alarms = [[(k, ical(v)) for k, v in a] for a in alarms]
    return sorted(props, key=repr), alarms


def seq(ev):
    return int(ev.get("SEQUENCE", 0))


def status(ev):
    return str(ev.get("STATUS", "CONFIRMED")).upper()


def check(d, case):
    problems = []
    _, old = events(os.path.join(d, case + ".old.ics"))
    ucal, update = events(os.path.join(d, case + ".update.ics"))
    _, new = events(os.path.join(d, case + ".new.ics"))
    if ucal is not None and str(ucal.get("METHOD")) != "PUBLISH":
        problems.append("METHOD %s" % ucal.get("METHOD"))
    zones = {str(z["TZID"]) for z in ucal.walk("VTIMEZONE")} if ucal is not None else set()
    for uid, ev in update.items():
        for name in ("DTSTART", "DTEND"):
            tzid = ev[name].params.get("TZID") if name in ev else None
            if tzid and tzid not in zones:
                problems.append("%s: %s;TZID=%s without its VTIMEZONE" % (uid, name, tzid))
        if uid in old and seq(ev) <= seq(old[uid]):
            problems.append("%s: SEQUENCE %d, not above OLD's %d" % (uid, seq(ev), seq(old[uid])))
        if uid in new and seq(ev) < seq(new[uid]):
            problems.append("%s: SEQUENCE %d, below NEW's %d" % (uid, seq(ev), seq(new[uid])))
        # Only what changed.
        if uid in old and uid in new and normal(old[uid]) == normal(new[uid]):
            problems.append("%s: in the update, but the same in OLD and NEW" % uid)
        if uid not in new and status(ev) != "CANCELLED":
            problems.append("%s: not in NEW, but not a cancellation" % uid)
        if uid not in new and uid not in old:
            problems.append("%s: in neither OLD nor NEW" % uid)
    # The replay.
    store = dict(old)
    for uid, ev in update.items():
        if uid not in store or seq(ev) > seq(store[uid]):
            store[uid] = ev
    for uid, ev in new.items():
        if uid not in store:
            problems.append("%s: missing after the replay" % uid)
        elif normal(store[uid]) != normal(ev):
            a, b = normal(store[uid]), normal(ev)
            diff = [p for p in b[0] if p not in a[0]][:2]
            problems.append("%s: differs from NEW's after the replay: %s" % (uid, diff or "alarms"))
    for uid, ev in store.items():
        if uid not in new and status(ev) != "CANCELLED":
            problems.append("%s: still on the calendar after the replay, but not in NEW" % uid)
    return problems


def main():
    d = sys.argv[1]
    cases = [c for c in open(os.path.join(d, "cases.txt")).read().split() if c]
    passed = failed = 0
    for case in cases:
        try:
            problems = check(d, case)
        except Exception as e:  # a calendar python3-icalendar cannot read
            problems = ["cannot read: %s: %s" % (type(e).__name__, e)]
        for p in problems[:5]:
            print("FAIL %s: %s" % (case, p))
        if problems:
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and passed > 0 else 1)


main()
