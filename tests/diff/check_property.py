#!/usr/bin/env python3
"""Property tests of `itinerary diff` on random plans and random edits.

usage: check_property.py ITINERARY [CASES [SEED]]

For each case a random plan A (participants, groups, places in Dresden,
fixed and flexible visits, a train, lodging) and a plan B made from A by one
to four random edits (a visit moved, shortened, cancelled, confirmed,
renamed, moved to another place, given other attendees, other topics or
host, removed or added; a leg rebooked or moved; a hotel changed for some
nights or people; a place's address; a participant added or dropped; the
mode of a transfer). Plans that cannot be scheduled are skipped.

* diff(A, A) reports nothing and exits 0; so does diff(B, B).
* diff(A, B) reports exactly the changes that this script finds by
  comparing the two JSON itineraries itself (`plan --format json`): the
  same (kind, item) pairs, each for the same participants; lodging night by
  night and person by person; exit status 1 when there is any, else 0.
* The text, Markdown and update calendar of every case are written without
  error in each language.

Prints "N passed, N failed" (one check per case).
"""
import json
import os
import random
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 40
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20221122

PLACES = [
    ("wfs", "Wirtschaftsförderung Sachsen", "Bertolt-Brecht-Allee 22, 01309 Dresden", 51.0398, 13.7905),
    ("ilk", "ILK der TU Dresden", "Holbeinstraße 3, 01307 Dresden", 51.0494, 13.7574),
    ("ssh", "Smart Systems Hub", "Antonstraße 25, 01097 Dresden", 51.0628, 13.7383),
    ("frauenkirche", "Frauenkirche", "Neumarkt, 01067 Dresden", 51.0519, 13.7416),
    ("vw", "Gläserne Manufaktur", "Lennéstraße 1, 01069 Dresden", 51.0437, 13.7541),
    ("ifw", "IFW Dresden", "Helmholtzstraße 20, 01069 Dresden", 51.0271, 13.7225),
    ("dd-hbf", "Dresden Hbf", "Wiener Platz 4, 01069 Dresden", 51.0405, 13.7322),
    ("dd-neustadt", "Dresden-Neustadt", "Schlesischer Platz 1, 01097 Dresden", 51.0658, 13.7412),
    ("hotel-a", "Hilton Dresden", "An der Frauenkirche 5, 01067 Dresden", 51.0517, 13.7429),
    ("hotel-b", "Hotel Bellevue", "Große Meißner Straße 15, 01097 Dresden", 51.0577, 13.7440),
]
VISIT_PLACES = ["wfs", "ilk", "ssh", "frauenkirche", "vw", "ifw"]
PEOPLE = ["lee", "kim", "park", "choi", "jung", "kang", "yoon", "han"]
TOPICS = ["Leichtbau", "IoT", "Förderung", "Mikroelektronik", "Start-ups"]


def make_plan(rng):
    people = PEOPLE[: rng.randint(3, 7)]
    groups = [
        {"id": "g1", "name": "Gruppe eins", "members": people[: max(1, len(people) // 2)]},
        {"id": "g2", "name": "Gruppe zwei", "members": people[len(people) // 2 :]},
    ]
    visits = []
    dates = ["2022-11-22", "2022-11-23"]
    for d in dates:
        hour = 9
        for k in range(rng.randint(2, 4)):
            v = {
                "id": "v%s-%d" % (d[-2:], k),
                "title": "Besuch %s %d" % (d[-2:], k),
                "at": rng.choice(VISIT_PLACES),
                "date": d,
                "duration": rng.choice(["45m", "1h", "1h30m"]),
            }
            if rng.random() < 0.5:
                v["start"] = "%02d:%02d" % (hour, rng.choice([0, 15, 30]))
            hour += 2
            r = rng.random()
            if r < 0.25:
                v["with"] = ["g1"]
            elif r < 0.4:
                v["with"] = ["g2"]
            elif r < 0.5:
                v["with"] = rng.sample(people, rng.randint(1, len(people)))
            r = rng.random()
            if r < 0.25:
                v["status"] = "tentative"
            elif r < 0.35:
                v["status"] = "cancelled"
            if rng.random() < 0.5:
                v["topics"] = rng.sample(TOPICS, 2)
            if rng.random() < 0.3:
                v["host"] = "Gastgeber %d" % k
            visits.append(v)
    legs = [
        {
            "id": "train1",
            "title": "Zug nach Neustadt",
            "mode": "train",
            "from": "dd-hbf",
            "to": "dd-neustadt",
            "depart": "2022-11-23 17:30",
            "arrive": "2022-11-23 17:40",
            "ref": "S 1",
        }
    ]
    lodging = [{"at": "hotel-a", "from": "2022-11-21", "to": "2022-11-24"}]
    return {
        "itinerary": 1,
        "delegation": {
            "id": "prop",
            "title": "Eigenschaftstest",
            "start": "2022-11-22",
            "end": "2022-11-23",
            "timezone": "Europe/Berlin",
            "language": "de",
            "revision": 1,
            "day": {"start": "07:00", "end": "22:00"},
            "buffer": "10m",
            "travel": {"mode": "bus"},
            "participants": [{"id": p, "name": p.capitalize() + " Test"} for p in people],
            "groups": groups,
        },
        "institutions": [
            {"id": i, "name": n, "address": a, "city": "Dresden", "country": "DE", "region": "DE-SN", "geo": [la, lo]}
            for i, n, a, la, lo in PLACES
        ],
        "visits": visits,
        "travel": legs,
        "lodging": lodging,
    }


def edit(rng, plan):
    """One random edit, in place; returns its name."""
    D = plan["delegation"]
    people = [p["id"] for p in D["participants"]]
    visits = plan["visits"]
    v = rng.choice(visits) if visits else None
    kind = rng.choice(
        ["move", "duration", "cancel", "status", "title", "place", "with", "details", "remove", "add",
         "rebook", "leg-move", "hotel", "address", "person-add", "person-drop", "mode", "reinstate"]
    )
    if kind == "move" and v:
        v["start"] = "%02d:%02d" % (rng.randint(8, 17), rng.choice([0, 30]))
    elif kind == "duration" and v:
        v["duration"] = rng.choice(["30m", "2h"])
    elif kind == "cancel" and v:
        v["status"] = "cancelled"
    elif kind == "reinstate":
        for w in visits:
            if w.get("status") == "cancelled":
                del w["status"]
                break
    elif kind == "status" and v:
        v["status"] = "confirmed" if v.get("status") == "tentative" else "tentative"
    elif kind == "title" and v:
        v["title"] = v["title"] + " (neu)"
    elif kind == "place" and v:
        v["at"] = rng.choice(VISIT_PLACES)
    elif kind == "with" and v:
        v["with"] = rng.sample(people, rng.randint(1, len(people)))
    elif kind == "details" and v:
        r = rng.random()
        if r < 0.33:
            v["topics"] = rng.sample(TOPICS, 3)
        elif r < 0.66:
            v["host"] = "Neue Gastgeberin"
        else:
            v["description"] = "Geänderte Beschreibung."
    elif kind == "remove" and v:
        visits.remove(v)
    elif kind == "add":
        visits.append({"id": "extra%d" % rng.randint(0, 99), "title": "Zusatztermin", "at": rng.choice(VISIT_PLACES),
                       "date": rng.choice(["2022-11-22", "2022-11-23"]), "duration": "45m",
                       "with": rng.sample(people, rng.randint(1, len(people)))})
    elif kind == "rebook":
        plan["travel"][0]["ref"] = "S 2"
    elif kind == "leg-move":
        plan["travel"][0]["depart"] = "2022-11-23 18:30"
        plan["travel"][0]["arrive"] = "2022-11-23 18:40"
    elif kind == "hotel":
        some = rng.sample(people, rng.randint(1, len(people)))
        rest = [p for p in people if p not in some]
        night = rng.choice(["2022-11-22", "2022-11-23"])
        plan["lodging"] = [
            {"at": "hotel-a", "from": "2022-11-21", "to": night, "with": people},
            {"at": "hotel-b", "from": night, "to": "2022-11-24", "with": some},
        ]
        if rest:
            plan["lodging"].append({"at": "hotel-a", "from": night, "to": "2022-11-24", "with": rest})
    elif kind == "address":
        inst = rng.choice([i for i in plan["institutions"] if i["id"] in VISIT_PLACES])
        inst["address"] = "Neue Straße 1, 01069 Dresden"
    elif kind == "person-add":
        new = [p for p in PEOPLE if p not in people]
        if new:
            D["participants"].append({"id": new[0], "name": new[0].capitalize() + " Neu"})
    elif kind == "person-drop" and len(people) > 2:
        gone = rng.choice(people)
        D["participants"] = [p for p in D["participants"] if p["id"] != gone]
        for g in D["groups"]:
            g["members"] = [m for m in g["members"] if m != gone]
        D["groups"] = [g for g in D["groups"] if g["members"]]
        groups = {g["id"] for g in D["groups"]}
        for w in visits:
            if "with" in w:
                w["with"] = [x for x in w["with"] if x != gone and (x in people or x in groups)]
                if not w["with"]:
                    del w["with"]
        for l in plan["lodging"]:
            if "with" in l:
                l["with"] = [x for x in l["with"] if x != gone]
    elif kind == "mode" and v:
        v["travel"] = rng.choice(["walk", "taxi", "car"])
    return kind


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1668384000", TZ="UTC"))
    return p.returncode, p.stdout, p.stderr


def items_of(j):
    """Items by (kind, id) (lodging apart), and lodging by (person, night)."""
    items, nights = {}, {}
    places = j["places"]
    everyone = [p["id"] for p in j["participants"]]
    for day in j["days"]:
        for x in day["items"]:
            if x.get("everyone"):
                x["with"] = everyone  # named by no one in the JSON: every participant
            if x["kind"] == "lodging":
                p = places[x["place"]]
                for who in x["with"]:
                    nights[(who, x["night"])] = (x["place"], p.get("name"), p.get("address"))
            else:
                items[(x["kind"], x["id"])] = x
    return items, nights


def place(j, pid):
    p = j["places"][pid]
    return (pid, p.get("name"), p.get("address"))


def active(x):
    return x.get("status") != "cancelled"


def same_ride(ja, a, jb, b):
    return (all(a.get(k) == b.get(k) for k in ("start", "end", "timezone", "end_timezone", "mode"))
            and place(ja, a["from"]) == place(jb, b["from"]) and place(ja, a["to"]) == place(jb, b["to"]))


def expected(ja, jb):
    """The changes from ja to jb, as {(kind, item): (with, joining, leaving)}."""
    A, NA = items_of(ja)
    B, NB = items_of(jb)
    out = {}

    def add(kind, item, who, joining=None, leaving=None):
        if who:
            out[(kind, item)] = (sorted(who), sorted(joining or []), sorted(leaving or []))

    pairs = []
    for key, b in B.items():
        if key in A:
            pairs.append((A[key], b))
        elif active(b):
            add("added", b["id"], set(b["with"]))
    for key, a in A.items():
        if key not in B and active(a):
            add("removed", a["id"], set(a["with"]))
    # Transfers on the same ride are one (see diff.c): removed ones by id,
    # each with the added one of least id.
    rem = sorted((k for k in out if k[0] == "removed" and ("transfer", k[1]) in A), key=lambda k: k[1])
    add_ = sorted((k for k in out if k[0] == "added" and ("transfer", k[1]) in B), key=lambda k: k[1])
    for r in rem:
        a = A[("transfer", r[1])]
        for k in add_:
            if k in out and same_ride(ja, a, jb, B[("transfer", k[1])]):
                del out[r], out[k]
                pairs.append((a, B[("transfer", k[1])]))
                break
    for a, b in pairs:
        wa, wb = set(a["with"]), set(b["with"])
        if active(a) and not active(b):
            add("cancelled", a["id"], wa)
            continue
        if not active(a) and active(b):
            add("reinstated", b["id"], wb)
            continue
        if not active(a):
            continue
        both = wa & wb
        if any(a.get(k) != b.get(k) for k in ("start", "end", "timezone", "end_timezone")):
            add("moved", b["id"], both)
        if a["kind"] == "visit":
            if place(ja, a["place"]) != place(jb, b["place"]):
                add("place", b["id"], both)
            if a["title"] != b["title"]:
                add("title", b["id"], both)
            if a["status"] != b["status"]:
                add("status", b["id"], both)
            if any(a.get(k) != b.get(k) for k in ("topics", "host", "description")):
                add("details", b["id"], both)
        else:
            if place(ja, a["from"]) != place(jb, b["from"]) or place(ja, a["to"]) != place(jb, b["to"]):
                add("place", b["id"], both)
            if a.get("mode") != b.get("mode"):
                add("mode", b["id"], both)
        if a["kind"] == "travel":
            if a["title"] != b["title"]:
                add("title", b["id"], both)
            if a.get("ref") != b.get("ref"):
                add("booking", b["id"], both)
            if a.get("description") != b.get("description"):
                add("details", b["id"], both)
        if wa != wb:
            add("attendees", b["id"], wa ^ wb, wb - wa, wa - wb)
    lodging = {k for k in set(NA) | set(NB) if NA.get(k) != NB.get(k)}
    return out, lodging, NA, NB


def reported(jd):
    out, lodging, bad = {}, set(), []
    for c in jd["changes"]:
        if c["kind"] == "lodging":
            first, last = c["first_night"], c["last_night"]
            import datetime as dt
            d = dt.date.fromisoformat(first)
            while d.isoformat() <= last:
                for who in c["with"]:
                    if (who, d.isoformat()) in lodging:
                        bad.append("lodging of %s on %s reported twice" % (who, d))
                    lodging.add((who, d.isoformat()))
                d += dt.timedelta(days=1)
            continue
        key = (c["kind"], c["item"])
        if key in out:
            bad.append("%s reported twice" % (key,))
        out[key] = (sorted(c["with"]), sorted(c.get("joining", [])), sorted(c.get("leaving", [])))
    return out, lodging, bad


def check_case(rng, n, tmp):
    a = make_plan(rng)
    b = json.loads(json.dumps(a))
    edits = [edit(rng, b) for _ in range(rng.randint(1, 4))]
    b["delegation"]["revision"] = 2
    fa, fb = os.path.join(tmp, "a%d.yaml" % n), os.path.join(tmp, "b%d.yaml" % n)
    with open(fa, "w") as f:
        json.dump(a, f, ensure_ascii=False, indent=1)
    with open(fb, "w") as f:
        json.dump(b, f, ensure_ascii=False, indent=1)
    ra, oa, _ = run("plan", fa, "--format", "json")
    rb, ob, _ = run("plan", fb, "--format", "json")
    if ra != 0 or rb != 0:
        return None, edits
    ja, jb = json.loads(oa), json.loads(ob)
    problems = []
    for f in (fa, fb):
        rc, out, err = run("diff", f, f, "--format", "json")
        if rc != 0 or json.loads(out)["changes"]:
            problems.append("diff of %s with itself: exit %d, %s" % (os.path.basename(f), rc, out[:200]))
    rc, out, err = run("diff", fa, fb, "--format", "json")
    if rc not in (0, 1):
        return ["diff exited %d: %s" % (rc, err.decode()[:300])], edits
    jd = json.loads(out)
    want, want_nights, NA, NB = expected(ja, jb)
    got, got_nights, bad = reported(jd)
    problems += bad
    for k in sorted(set(want) | set(got)):
        if k not in got:
            problems.append("not reported: %s %s" % (k, want[k]))
        elif k not in want:
            problems.append("reported, but not a change: %s %s" % (k, got[k]))
        elif want[k] != got[k]:
            problems.append("%s: for %s, expected %s" % (k, got[k], want[k]))
    for k in sorted(want_nights ^ got_nights):
        problems.append("lodging %s %s: %s -> %s" % ("not reported" if k in want_nights else "not a change", k,
                                                      NA.get(k), NB.get(k)))
    if (rc == 1) != bool(want or want_nights):
        problems.append("exit %d with %d changes" % (rc, len(want) + len(want_nights)))
    for fmt, lang in (("text", "en"), ("text", "de"), ("text", "ko"), ("md", "de"), ("ics", "ko")):
        r, _, err = run("diff", fa, fb, "--format", fmt, "--lang", lang)
        if r != rc:
            problems.append("--format %s --lang %s: exit %d: %s" % (fmt, lang, r, err.decode()[:200]))
    person = rng.choice([p["id"] for p in jb["participants"]])
    r, out, err = run("diff", fa, fb, "--format", "json", "--participant", person)
    if r not in (0, 1):
        problems.append("--participant %s: exit %d" % (person, r))
    else:
        mine = {k for k, v in want.items() if person in v[0]}
        theirs = {(c["kind"], c["item"]) for c in json.loads(out)["changes"] if c["kind"] != "lodging"}
        if mine != theirs:
            problems.append("--participant %s: %s, expected %s" % (person, sorted(theirs ^ mine)[:3], "the others"))
    for k in got:
        SEEN[k[0]] = SEEN.get(k[0], 0) + 1
    if got_nights:
        SEEN["lodging"] = SEEN.get("lodging", 0) + 1
    return problems, edits


SEEN = {}


def main():
    rng = random.Random(SEED)
    passed = failed = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(CASES):
            problems, edits = check_case(rng, n, tmp)
            if problems is None:
                skipped += 1
                continue
            if problems:
                failed += 1
                for p in problems[:6]:
                    print("FAIL case %d (%s): %s" % (n, ", ".join(edits), p))
            else:
                passed += 1
    print("NOTE: %d of %d random plans could not be scheduled and were skipped" % (skipped, CASES))
    print("NOTE: changes reported: %s" % ", ".join("%s %d" % kv for kv in sorted(SEEN.items())))
    if passed < CASES // 3:
        print("FAIL: too few plans could be scheduled (%d)" % passed)
        failed += 1
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 and passed > 0 else 1)


main()
