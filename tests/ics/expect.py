#!/usr/bin/python3
"""What each exported .ics must contain, derived from the scheduler's JSON.

usage: expect.py DIR

DIR holds the exports of tests/ics/export.sh and its manifest.tsv (name, YAML
file, options). For each case this writes DIR/NAME.expected.json: the
calendar's properties and one entry per event (UID, UTC start and end, TZIDs,
SUMMARY, LOCATION, DESCRIPTION, ...), built from NAME.json (the scheduler's
own output for the same options) and, for the two things the JSON does not
carry (institution contacts, the reminder), from the YAML. The checkers
(check_icalendar.py, check_icaljs.mjs, check_clients.py) compare what their
parser reads in the .ics against these files; none of them reads the .ics
through libical.

It also checks what a calendar's selection must be: a personal calendar has
exactly the items of the full schedule that person attends, --no-transfers
none. Prints "N passed, N failed".
"""
import datetime as dt
import json
import os
import re
import sys

import yaml
from zoneinfo import ZoneInfo

DTSTAMP = "2022-11-14T00:00:00Z"  # SOURCE_DATE_EPOCH=1668384000 in export.sh

LABELS = {
    "en": dict(topics="Topics", host="Host", contact="Contact", attendees="Attending", everyone="everyone",
               ref="Booking", departure="Departure", arrival="Arrival", estimated="estimated",
               transfer="Transfer", lodging="Lodging", decimal=".", hours="h", minutes="min", space=" ",
               meeting="Meeting", table="Table", interpreted="with interpreter",
               modes=dict(walk="on foot", bike="by bike", car="by car", taxi="by taxi", bus="by bus",
                          train="by train", flight="Flight", ship="by ship"),
               nouns=dict(walk="Walk", bike="Bike", car="Car", taxi="Taxi", bus="Bus", train="Train",
                          flight="Flight", ship="Ship")),
    "de": dict(topics="Themen", host="Gastgeber", contact="Kontakt", attendees="Teilnehmende", everyone="alle",
               ref="Buchung", departure="Abfahrt", arrival="Ankunft", estimated="geschätzt",
               transfer="Transfer", lodging="Übernachtung", decimal=",", hours="Std.", minutes="Min.", space=" ",
               meeting="Gespräch", table="Tisch", interpreted="mit Dolmetscher",
               modes=dict(walk="zu Fuß", bike="mit dem Rad", car="mit dem Auto", taxi="mit dem Taxi",
                          bus="mit dem Bus", train="mit der Bahn", flight="Flug", ship="mit dem Schiff"),
               nouns=dict(walk="Fußweg", bike="Fahrrad", car="Auto", taxi="Taxi", bus="Bus", train="Zug",
                          flight="Flug", ship="Schiff")),
    "ko": dict(topics="주제", host="주최", contact="연락처", attendees="참석자", everyone="전원", ref="예약",
               departure="출발", arrival="도착", estimated="추정", transfer="이동", lodging="숙박", decimal=".",
               meeting="상담", table="테이블", interpreted="통역 포함",
               hours="시간", minutes="분", space="",
               modes=dict(walk="도보", bike="자전거", car="승용차", taxi="택시", bus="버스", train="기차",
                          flight="항공편", ship="선박"),
               nouns=dict(walk="도보", bike="자전거", car="승용차", taxi="택시", bus="버스", train="기차",
                          flight="항공편", ship="선박")),
    "vi": dict(topics="Chủ đề", host="Người đón tiếp", contact="Liên hệ", attendees="Thành phần tham dự",
               everyone="toàn đoàn", ref="Mã đặt chỗ", departure="Khởi hành", arrival="Đến nơi",
               estimated="ước tính", transfer="Di chuyển", lodging="Lưu trú", decimal=",", hours="giờ",
               minutes="phút", space=" ",
               modes=dict(walk="đi bộ", bike="bằng xe đạp", car="bằng ô tô", taxi="bằng taxi", bus="bằng xe buýt",
                          train="bằng tàu hỏa", flight="bằng máy bay", ship="bằng tàu thủy"),
               nouns=dict(walk="Đi bộ", bike="Xe đạp", car="Ô tô", taxi="Taxi", bus="Xe buýt", train="Tàu hỏa",
                          flight="Chuyến bay", ship="Tàu thủy")),
}


def chosen_language(owner, key, lang, own):
    """RFC 5545's LANGUAGE of a text the JSON gives under `key` of `owner`:
    the calendar's language when the file gave the text in it, else the
    delegation's (`own`) when it did, else the first variant given; a text
    written once counts as the delegation's."""
    variants = owner.get(key + "_variants")
    if not variants:
        return own
    if lang in variants:
        return lang
    return own if own in variants else next(iter(variants))


def duration_text(L, minutes):
    """"1 h 20 min" / "1 Std. 20 Min." / "1시간 20분", as the agenda writes it."""
    h, m = divmod(minutes, 60)
    sp = L["space"]
    if h and m:
        return "%d%s%s %d%s%s" % (h, sp, L["hours"], m, sp, L["minutes"])
    if h:
        return "%d%s%s" % (h, sp, L["hours"])
    return "%d%s%s" % (m, sp, L["minutes"])


def clean(s, oneline):
    """Text as the exporter promises to write it (docs in src/export_ics.c)."""
    if s is None:
        return ""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in s:
        if ch == "\n":
            out.append(" " if oneline else "\n")
        elif ch == "\t":
            out.append(" ")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            continue
        else:
            out.append(ch)
    return "".join(out).rstrip(" \n")


def join(pieces, sep=", "):
    return sep.join(p for p in (clean(x, True) for x in pieces if x is not None) if p)


def uid_part(s):
    ok = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    return "".join(chr(b) if chr(b) in ok else "+%02X" % b for b in s.encode())


def uri(s):
    """A URL as written: printable ASCII kept, other bytes percent-encoded."""
    if s is None:
        return None
    return "".join(chr(b) if 0x20 < b < 0x7F and chr(b) not in '"<>\\' else "%%%02X" % b for b in s.encode())


def duration_minutes(s):
    """A delegation-file duration: 90m, 45min, 2h, 1h30m, 1h 30m, PT1H30M."""
    s = s.strip()
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", s)
    if m and (m.group(1) or m.group(2)):
        return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)
    m = re.fullmatch(r"(?:(\d+)h)?\s*(?:(\d+)(?:m|min))?", s)
    if m and (m.group(1) or m.group(2)):
        return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)
    raise ValueError("duration %r" % s)


def load_yaml(path, seen=None):
    """Institutions and the delegation of a file and its includes (all scalars
    read as strings, as the format wants)."""
    seen = seen if seen is not None else set()
    path = os.path.realpath(path)
    if path in seen:
        return {}, None
    seen.add(path)
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader) or {}
    inst, dele = {}, doc.get("delegation")
    for inc in doc.get("include", []) or []:
        i2, _ = load_yaml(os.path.join(os.path.dirname(path), inc), seen)
        inst.update(i2)
    for i in doc.get("institutions", []) or []:
        inst[i["id"]] = i
    return inst, dele


def load_companies(path):
    """The companies of a file (a B2B matchmaking), by id."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader) or {}
    return {c["id"]: c for c in doc.get("companies", []) or []}


def utc(iso):
    t = dt.datetime.fromisoformat(iso)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tzid(zone, iso):
    """The TZID a time is written with, or None for the UTC form: a place
    whose zone is UTC, and a local time that happens twice (the clocks go
    back), which with TZID would denote its first occurrence for RFC 5545
    and its second for libical."""
    if zone == "UTC":
        return None
    wall = dt.datetime.fromisoformat(iso[:19])
    z = ZoneInfo(zone)
    if wall.replace(tzinfo=z, fold=0).utcoffset() != wall.replace(tzinfo=z, fold=1).utcoffset():
        return None
    return zone


def offset_at(zone, t):
    return int(dt.datetime.fromtimestamp(t, ZoneInfo(zone)).utcoffset().total_seconds())


def transitions(zone, lo, hi):
    """The instants (seconds) in (lo, hi] at which tzdata changes the zone's
    offset, found by scanning hours and bisecting."""
    out = []
    t, off = lo, offset_at(zone, lo)
    while t < hi:
        u = min(t + 3600, hi)
        if offset_at(zone, u) != off:
            a, b = t, u
            while b - a > 1:
                m = (a + b) // 2
                if offset_at(zone, m) == off:
                    a = m
                else:
                    b = m
            out.append(b)
            off = offset_at(zone, b)
            u = b
        t = u
    return out


def offsets_to_check(zone, first_iso, last_iso):
    """[[UTC time, offset in seconds, repeated]] of the zone by tzdata (Python's
    zoneinfo) at the calendar's first and last instant, every six hours
    between them, and either side of every change between them: what the
    file's VTIMEZONE must give, whoever reads it."""
    lo = int(dt.datetime.strptime(first_iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp())
    hi = int(dt.datetime.strptime(last_iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp())
    points = {lo, hi}
    points.update(range(lo - lo % 3600 + 3600, hi, 3600 * 6))
    for c in transitions(zone, lo, hi):
        points.update((c - 1, c))
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return [[dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime(fmt), offset_at(zone, t), repeated(zone, t)]
            for t in sorted(points)]


def repeated(zone, t):
    """Whether the local time of instant t happens twice in the zone (the
    clocks go back): a reader that turns the instant into a local time and
    back may pick the other one."""
    wall = dt.datetime.fromtimestamp(t, ZoneInfo(zone)).replace(tzinfo=None)
    z = ZoneInfo(zone)
    return wall.replace(tzinfo=z, fold=0).utcoffset() != wall.replace(tzinfo=z, fold=1).utcoffset()


def local_parts(iso):
    """'2022-10-24T14:25:00+09:00' -> ('2022-10-24', '14:25')."""
    return iso[:10], iso[11:16]


def expected_case(name, yaml_path, opts, data, full, errors):
    inst, dele = load_yaml(yaml_path)
    companies = load_companies(yaml_path)
    D = data["delegation"]
    people = data["participants"]
    # The calendar's language: --lang's (the first of a pair), else a
    # personal calendar's participant's own, else the delegation's.
    lang = D.get("language") or "en"
    if "--lang" in opts:
        lang = opts[opts.index("--lang") + 1].split(",")[0]
    elif "--participant" in opts:
        pid = opts[opts.index("--participant") + 1]
        own = next((p.get("language") for p in people if p["id"] == pid), None)
        lang = own[0] if own else lang
    L = LABELS.get(lang, LABELS["en"])
    pname = {p["id"]: (p.get("name") or p["id"]) for p in people}
    pmail = {p["id"]: p.get("email") for p in people}
    everyone_ids = [p["id"] for p in people]

    def attendees(x):
        # An item for everyone names no one in the JSON: every participant attends.
        return everyone_ids if x.get("everyone") else x["with"]
    places = data["places"]
    reminder = duration_minutes(dele["reminder"]) if dele and dele.get("reminder") is not None else None
    invite = "--invite" in opts

    audience = None
    if "--participant" in opts:
        audience = pname[opts[opts.index("--participant") + 1]]
    if "--group" in opts:
        gid = opts[opts.index("--group") + 1]
        audience = next(g["name"] for g in dele.get("groups", []) if g["id"] == gid)
        if isinstance(audience, dict):  # a name in several languages
            audience = audience.get(lang) or next(iter(audience.values()))
    calname = clean(D["title"], True)
    if audience and clean(audience, True):
        calname += " \u2013 " + clean(audience, True)
    org = D.get("organizer") or {}
    organizer = {"email": org["email"], "cn": clean(org.get("name"), True).replace('"', "'") or None} \
        if org.get("email") else None

    def attendees_text(x):
        if x.get("everyone") or (people and len(x["with"]) == len(people)):
            return L["everyone"]
        return join(pname[i] for i in attendees(x))

    def contact_text(place_id):
        c = (inst.get(place_id) or {}).get("contact") or {}
        return join([c.get("name"), c.get("email"), c.get("phone")])

    def lines(pairs):
        return "\n".join("%s: %s" % (k, clean(v, True)) for k, v in pairs if v and clean(v, True))

    def with_paragraph(head, para):
        para = clean(para, False)
        if not para:
            return head
        return head + "\n\n" + para if head else para

    events, seen = [], set()
    arrivals = {x["between"][1] for d in data["days"] for x in d["items"] if x["kind"] == "transfer"}
    for day in data["days"]:
        for x in day["items"]:
            kind, iid = x["kind"], x["id"]
            short = iid[len("transfer:"):] if kind == "transfer" and iid.startswith("transfer:") else iid
            uid = "%s.%s@%s.itinerary" % (kind, uid_part(short), uid_part(D["id"]))
            if uid in seen:
                if kind != "lodging":
                    errors.append("%s: item %s appears twice in the schedule" % (name, iid))
                continue
            seen.add(uid)
            cancelled = kind == "visit" and x.get("status") == "cancelled"
            emailed = [i for i in attendees(x) if pmail.get(i)]
            if invite and (cancelled or not emailed):
                continue
            title = clean(x["title"], True)
            ev = {"uid": uid, "id": iid, "kind": kind, "all_day": kind == "lodging"}
            if ev["all_day"]:
                ev.update(start=x["start"], end=x["end"], tzid_start=None, tzid_end=None)
            else:
                ev.update(start=utc(x["start"]), end=utc(x["end"]),
                          local_start=x["start"][:16], local_end=x["end"][:16],
                          zone_start=x["timezone"], zone_end=x.get("end_timezone", x["timezone"]))
                ev.update(tzid_start=tzid(ev["zone_start"], x["start"]), tzid_end=tzid(ev["zone_end"], x["end"]))
                # A time in UTC form reads, in its own zone, as UTC.
                for key in ("start", "end"):
                    if ev["tzid_" + key] is None:
                        ev["local_" + key] = ev[key][:16]
            if kind == "visit":
                summary = title or iid
            elif kind == "travel":
                summary = title or iid
                # A leg without a title of its own has the format's default,
                # "<mode> <from> → <to>" (in the JSON); its calendar entry says
                # it in the calendar's words with the reference in it. A title
                # of the user's gets the reference in parentheses.
                f, t = places[x["from"]], places[x["to"]]
                fs, ts = f.get("short") or f["name"], t.get("short") or t["name"]
                if x["title"] == "%s %s \u2192 %s" % (x.get("mode"), fs, ts):
                    summary = clean("%s%s: %s \u2192 %s" % (L["nouns"].get(x.get("mode"), ""),
                                                            " " + x["ref"] if x.get("ref") else "", fs, ts), True)
                elif title and clean(x.get("ref"), True):
                    summary += " (%s)" % clean(x["ref"], True)
            else:
                summary = "%s: %s" % (L[kind], title)
            if kind in ("visit", "lodging", "meeting"):
                P = places[x["place"]]
                location = join([P.get("name"), P.get("address")])
            else:
                location = "%s \u2192 %s" % (clean(places[x["from"]]["name"], True),
                                             clean(places[x["to"]]["name"], True))
            if kind == "visit":
                desc = lines([(L["topics"], join(x.get("topics", []))), (L["host"], x.get("host")),
                              (L["contact"], contact_text(x["place"])), (L["attendees"], attendees_text(x))])
                desc = with_paragraph(desc, x.get("description"))
            elif kind == "travel":
                (d0, t0), (d1, t1) = local_parts(x["start"]), local_parts(x["end"])
                desc = lines([(L["ref"], x.get("ref")),
                              (L["departure"], "%s %s (%s)" % (d0, t0, ev["zone_start"])),
                              (L["arrival"], "%s %s (%s)" % (d1, t1, ev["zone_end"])),
                              (L["attendees"], attendees_text(x))])
                desc = with_paragraph(desc, x.get("description"))
            elif kind == "transfer":
                how = "%s, %s" % (L["modes"].get(x.get("mode"), ""), duration_text(L, x["minutes"]))
                if x.get("estimated"):
                    how += " (%s)" % L["estimated"]
                if x.get("distance_km"):
                    t = int(round(x["distance_km"] * 10))
                    how += ", %d%s%d km" % (t // 10, L["decimal"], t % 10)
                desc = "\n".join(p for p in [how, lines([(L["attendees"], attendees_text(x))])] if p)
            elif kind == "meeting":
                # The table (and the interpreter), the host company's contact, who attends.
                table = "%d" % x["table"] + (", " + L["interpreted"] if x["interpreted"] else "")
                c = companies[x["companies"][1]].get("contact") or {}
                desc = lines([(L["table"], table), (L["contact"], join([c.get("name"), c.get("email"), c.get("phone")])),
                              (L["attendees"], attendees_text(x))])
            else:
                desc = lines([(L["contact"], contact_text(x["place"])), (L["attendees"], attendees_text(x))])
            ev.update(summary=summary, location=location or None, description=desc or None)
            # The LANGUAGE parameters (RFC 5545 §3.2.10): a title of the
            # file's in its own language, the rest in the calendar's.
            own_title = kind == "visit" or (kind == "travel" and summary.startswith(title) and title)
            own = D.get("language") or "en"
            ev["summary_language"] = chosen_language(x, "title", lang, own) if own_title else lang
            ev["location_language"] = chosen_language(places[x["place"] if kind in ("visit", "lodging", "meeting")
                                                             else x["from"]], "name", lang, own)
            ev["description_language"] = lang
            geo = url = None
            if kind in ("visit", "lodging"):
                P = places[x["place"]]
                geo = P.get("geo")
                url = uri(P.get("url"))
            elif kind == "meeting":
                geo = places[x["place"]].get("geo")
            ev.update(geo=geo, url=url)
            ev["status"] = {"cancelled": "CANCELLED", "tentative": "TENTATIVE"}.get(x.get("status"), "CONFIRMED")
            ev["transp"] = "TRANSPARENT" if kind == "lodging" or cancelled else "OPAQUE"
            ev["categories"] = [kind]
            ev["sequence"] = D.get("revision", 0)
            ev["dtstamp"] = DTSTAMP
            # The reminder is due when one sets off: on the transfer that
            # arrives at a visit or leg, or on the item none arrives at.
            sets_off = kind == "transfer" and not x["between"][1].startswith("hotel:")
            own = kind in ("visit", "travel", "meeting") and iid not in arrivals
            ev["alarm_seconds"] = -reminder * 60 if reminder is not None and (sets_off or own) \
                and not cancelled else None
            ev["organizer"] = organizer
            ev["attendees"] = [{"email": pmail[i], "cn": clean(pname[i], True).replace('"', "'")}
                               for i in emailed] if invite else []
            events.append(ev)

    # Whose calendar: a personal (or group) calendar holds exactly the items
    # of the full schedule its people attend; --no-transfers holds none.
    if full is not None and ("--participant" in opts or "--group" in opts):
        if "--participant" in opts:
            who = {opts[opts.index("--participant") + 1]}
        else:
            gid = opts[opts.index("--group") + 1]
            g = next(g for g in dele.get("groups", []) if g["id"] == gid)
            who = set(g["members"])
        want = {(x["kind"], x["id"]) for d in full["days"] for x in d["items"] if who & set(attendees(x))}
        have = {(x["kind"], x["id"]) for d in data["days"] for x in d["items"]}
        if want != have:
            errors.append("%s: personal items differ from the full schedule: missing %s, extra %s"
                          % (name, sorted(want - have), sorted(have - want)))
    if "--no-transfers" in opts and any(x["kind"] == "transfer" for d in data["days"] for x in d["items"]):
        errors.append("%s: --no-transfers calendar has transfers" % name)

    tzids = sorted({z for e in events for z in (e["tzid_start"], e["tzid_end"]) if z})
    timed = [e[k] for e in events if not e["all_day"] for k in ("start", "end")]
    zone_offsets = {z: offsets_to_check(z, min(timed), max(timed)) for z in tzids} if timed else {}
    return {
        "name": name,
        "ics": name + ".ics",
        "calendar": {
            "prodid": "-//itinerary//itinerary 0.1.0//EN",
            "version": "2.0",
            "calscale": "GREGORIAN",
            "method": "REQUEST" if invite else "PUBLISH",
            "name": calname,
            "x_wr_calname": calname,
            "x_wr_timezone": D["timezone"],
            "tzids": tzids,
        },
        "zone_offsets": zone_offsets,
        "events": events,
    }


def main():
    out = sys.argv[1]
    passed = failed = 0
    cases = []
    with open(os.path.join(out, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            name, yaml_path, opts = line.rstrip("\n").split("\t")
            cases.append((name, yaml_path, opts.split()))
    jsons = {}
    for name, _, _ in cases:
        with open(os.path.join(out, name + ".json"), encoding="utf-8") as f:
            jsons[name] = json.load(f)
    index = []
    for name, yaml_path, opts in cases:
        errors = []
        base = name.split(".")[0]
        try:
            exp = expected_case(name, yaml_path, opts, jsons[name], jsons.get(base), errors)
            with open(os.path.join(out, name + ".expected.json"), "w", encoding="utf-8") as f:
                json.dump(exp, f, ensure_ascii=False, indent=1)
            index.append(name)
        except Exception as e:  # a case we cannot even describe is a failure
            errors.append("%s: %r" % (name, e))
        for e in errors:
            print("FAIL", e)
        if errors:
            failed += 1
        else:
            passed += 1
    with open(os.path.join(out, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(index, f)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # still end with the count line
        print("FAIL: %r" % (e,))
        print("0 passed, 1 failed")
        sys.exit(1)
