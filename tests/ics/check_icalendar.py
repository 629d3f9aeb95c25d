#!/usr/bin/python3
"""Read every exported .ics with python3-icalendar (Debian's) and compare it
with what expect.py derived from the scheduler's JSON.

usage: check_icalendar.py DIR

Per calendar: the raw text (CRLF line ends, no line over 75 octets, every
physical line valid UTF-8 on its own, so folding never split a character),
the calendar properties, one VTIMEZONE per TZID used with the plain IANA name,
each VTIMEZONE read on its own (Timezone.to_tz()) giving tzdata's offsets at
the instants expect.py lists, and per event: UID, DTSTART/DTEND in UTC (python-icalendar resolves TZIDs
with pytz, independently of the file's VTIMEZONEs and of libical), the TZID
parameters, SUMMARY, LOCATION, DESCRIPTION, GEO, URL, STATUS, TRANSP,
CATEGORIES, SEQUENCE, DTSTAMP, the VALARM, ORGANIZER and ATTENDEEs, and each
time with TZID read again through the file's VTIMEZONE.
Prints "N passed, N failed" (one check per event and per calendar).
"""
import datetime as dt
import json
import os
import sys

import icalendar

UTC = dt.timezone.utc


def iso_utc(v):
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            return "floating " + v.isoformat()
        return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return v.isoformat()


def text(comp, name):
    v = comp.get(name)
    return None if v is None else str(v)


def raw_checks(path, problems):
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    body = data[:-2] if data.endswith(b"\r\n") else data
    for n, line in enumerate(body.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d: bare LF or CR" % n)
        if len(line) > 75:
            problems.append("line %d: %d octets" % (n, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("line %d: folding split a UTF-8 character" % n)
        if line.startswith(b"X-LIC-ERROR"):
            problems.append("line %d: %s" % (n, line.decode("utf-8", "replace")))
    return data


def check_calendar(exp, cal, data, problems):
    c = exp["calendar"]
    for prop, key in (("PRODID", "prodid"), ("VERSION", "version"), ("CALSCALE", "calscale"),
                      ("METHOD", "method"), ("NAME", "name"), ("X-WR-CALNAME", "x_wr_calname"),
                      ("X-WR-TIMEZONE", "x_wr_timezone")):
        got = text(cal, prop)
        if got != c[key]:
            problems.append("%s: %r, expected %r" % (prop, got, c[key]))
    tzids = sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE"))
    if tzids != c["tzids"]:
        problems.append("VTIMEZONE TZIDs %r, expected %r" % (tzids, c["tzids"]))
    n_begin = data.count(b"\r\nBEGIN:VEVENT\r\n")
    if n_begin != len(exp["events"]):
        problems.append("%d BEGIN:VEVENT lines, expected %d" % (n_begin, len(exp["events"])))


def check_event(e, ev, problems):
    def eq(what, got, want):
        if got != want:
            problems.append("%s: %s %r, expected %r" % (e["uid"], what, got, want))

    for prop, key in (("DTSTART", "start"), ("DTEND", "end")):
        p = ev.get(prop)
        if p is None:
            problems.append("%s: no %s" % (e["uid"], prop))
            continue
        eq(prop, iso_utc(p.dt), e[key])
        eq(prop + " TZID", p.params.get("TZID"), e["tzid_" + key])
        if e["all_day"]:
            eq(prop + " VALUE", p.params.get("VALUE"), "DATE")
    eq("SUMMARY", text(ev, "SUMMARY"), e["summary"])
    eq("LOCATION", text(ev, "LOCATION"), e["location"])
    eq("DESCRIPTION", text(ev, "DESCRIPTION"), e["description"])
    for prop in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        if ev.get(prop) is not None:
            eq(prop + " LANGUAGE", ev[prop].params.get("LANGUAGE"), e[prop.lower() + "_language"])
    geo = ev.get("GEO")
    got_geo = None if geo is None else [round(float(geo.latitude), 6), round(float(geo.longitude), 6)]
    eq("GEO", got_geo, None if e["geo"] is None else [round(v, 6) for v in e["geo"]])
    eq("URL", text(ev, "URL"), e["url"])
    eq("STATUS", text(ev, "STATUS"), e["status"])
    eq("TRANSP", text(ev, "TRANSP"), e["transp"])
    cats = ev.get("CATEGORIES")
    got_cats = None if cats is None else [str(c) for c in (cats.cats if hasattr(cats, "cats") else [cats])]
    eq("CATEGORIES", got_cats, e["categories"])
    eq("SEQUENCE", ev.get("SEQUENCE"), e["sequence"])
    eq("DTSTAMP", iso_utc(ev.decoded("DTSTAMP")), e["dtstamp"])
    alarms = [a for a in ev.walk("VALARM")]
    if e["alarm_seconds"] is None:
        eq("VALARMs", len(alarms), 0)
    elif len(alarms) != 1:
        eq("VALARMs", len(alarms), 1)
    else:
        a = alarms[0]
        eq("VALARM ACTION", text(a, "ACTION"), "DISPLAY")
        eq("VALARM TRIGGER", a.decoded("TRIGGER").total_seconds(), float(e["alarm_seconds"]))
        eq("VALARM DESCRIPTION", text(a, "DESCRIPTION"), e["summary"])
    org = ev.get("ORGANIZER")
    if e["organizer"] is None:
        eq("ORGANIZER", org, None)
    else:
        eq("ORGANIZER", None if org is None else str(org), "mailto:" + e["organizer"]["email"])
        eq("ORGANIZER CN", None if org is None else org.params.get("CN"), e["organizer"]["cn"])
    att = ev.get("ATTENDEE")
    att = [] if att is None else att if isinstance(att, list) else [att]
    got = [{"email": str(a)[len("mailto:"):] if str(a).startswith("mailto:") else str(a),
            "cn": a.params.get("CN")} for a in att]
    eq("ATTENDEEs", got, e["attendees"])
    for a in att:
        for k, v in (("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", "NEEDS-ACTION"), ("RSVP", "TRUE")):
            eq("ATTENDEE " + k, a.params.get(k), v)


def check_vtimezones(exp, cal, problems):
    """Each VTIMEZONE as python-icalendar reads it (Timezone.to_tz(), a
    tzinfo made from its observances alone) gives the offsets of tzdata
    (expect.py's, from Python's zoneinfo) at every instant checked. Returns
    the tzinfos by TZID."""
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        try:
            zones[tzid] = vtz.to_tz()
        except Exception as e:
            problems.append("VTIMEZONE %s: python-icalendar cannot read it: %r" % (tzid, e))
    for tzid, checks in exp.get("zone_offsets", {}).items():
        tz = zones.get(tzid)
        if tz is None:
            continue
        wrong = []
        for when, want, _ in checks:
            t = dt.datetime.strptime(when, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            got = int(t.astimezone(tz).utcoffset().total_seconds())
            if got != want:
                wrong.append("%s: %+d s, tzdata %+d s" % (when, got, want))
        if wrong:
            problems.append("VTIMEZONE %s differs from tzdata at %d of %d instants: %s"
                            % (tzid, len(wrong), len(checks), "; ".join(wrong[:4])))
    return zones


def check_event_through_vtimezone(e, ev, zones, problems):
    """DTSTART/DTEND with TZID, read through the file's own VTIMEZONE."""
    for prop, key in (("DTSTART", "start"), ("DTEND", "end")):
        p = ev.get(prop)
        tzid = p.params.get("TZID") if p is not None else None
        if tzid is None or e["all_day"] or tzid not in zones:
            continue
        local = p.dt.replace(tzinfo=None)
        got = zones[tzid].localize(local).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if got != e[key]:
            problems.append("%s: %s %s through the VTIMEZONE is %s, expected %s"
                            % (e["uid"], prop, local.isoformat(), got, e[key]))


def main():
    out = sys.argv[1]
    cases = json.load(open(os.path.join(out, "cases.json")))
    passed = failed = 0
    for name in cases:
        exp = json.load(open(os.path.join(out, name + ".expected.json"), encoding="utf-8"))
        path = os.path.join(out, exp["ics"])
        problems = []
        data = raw_checks(path, problems)
        try:
            cal = icalendar.Calendar.from_ical(data)
        except Exception as e:
            print("FAIL %s: python-icalendar cannot parse it: %r" % (name, e))
            failed += 1
            continue
        check_calendar(exp, cal, data, problems)
        zones = check_vtimezones(exp, cal, problems)
        for p in problems:
            print("FAIL %s: %s" % (name, p))
        failed += bool(problems)
        passed += not problems

        events = {}
        for ev in cal.walk("VEVENT"):
            uid = str(ev.get("UID"))
            if uid in events:
                print("FAIL %s: UID %s twice" % (name, uid))
                failed += 1
            events[uid] = ev
        want = {e["uid"] for e in exp["events"]}
        for uid in sorted(set(events) - want):
            print("FAIL %s: unexpected event %s" % (name, uid))
            failed += 1
        for e in exp["events"]:
            problems = []
            if e["uid"] not in events:
                problems.append("%s: missing" % e["uid"])
            else:
                check_event(e, events[e["uid"]], problems)
                check_event_through_vtimezone(e, events[e["uid"]], zones, problems)
            for p in problems:
                print("FAIL %s: %s" % (name, p))
            failed += bool(problems)
            passed += not problems
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # still end with the count line
        print("FAIL: %r" % (e,))
        print("0 passed, 1 failed")
        sys.exit(1)
