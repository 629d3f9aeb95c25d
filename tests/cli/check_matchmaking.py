#!/usr/bin/env python3
"""An independent check of B2B matchmaking (docs/format.md section 19).

Reads the delegation file itself (with PyYAML, not the program's loader)
and the program's JSON outputs (`plan --format json` and `matchmaking
--format json`), and re-verifies every hard rule: one meeting per company
per slot, at most `tables` meetings and `interpreters` interpreted ones per
slot, interpreted exactly when the companies share no language, slots and
times as the session defines them, `unavailable` times, a pair meeting at
most once and only when requested, the weight as the priorities add up,
and for every member the sequence rule against their other items (the
buffer, or the session's gap between two of its meetings, and any transfer
between them). It checks the bundled examples that have sessions and
random instances it generates.

usage: check_matchmaking.py ITINERARY SOURCE_DIR [RANDOM_COUNT]
"""
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile

import yaml

WEIGHT = {"high": 3, "normal": 2, "low": 1}


def minutes(hhmm):
    h, m = str(hhmm).split(":")
    return int(h) * 60 + int(m)


def duration(s):
    s = str(s).replace(" ", "")
    total, num = 0, ""
    for ch in s:
        if ch.isdigit():
            num += ch
        elif ch == "h":
            total += int(num) * 60
            num = ""
        elif ch == "m":
            total += int(num)
            num = ""
        elif ch in "in":  # "min"
            continue
    return total


def load_yaml(path):
    # Every scalar as text, as the format wants (no YAML 1.1 typing).
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {}
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def parse_time(iso):
    return dt.datetime.fromisoformat(iso)


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
    if p.returncode != 0:
        raise SystemExit(f"itinerary {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def check(binary, path, errors):
    doc = load_yaml(path)
    plan = run(binary, ["plan", path, "--format", "json", "--solve-time", "5"])
    sheet = run(binary, ["matchmaking", path, "--format", "json", "--solve-time", "5"])
    buffer = duration(doc["delegation"].get("buffer", "0m"))
    companies = {c["id"]: c for c in doc.get("companies", [])}
    items = [x for day in plan["days"] for x in day["items"]]
    # An item for everyone names no one in the JSON: every participant attends.
    for x in items:
        if x.get("everyone"):
            x["with"] = [p["id"] for p in plan["participants"]]
    meetings = [x for x in items if x["kind"] == "meeting"]
    seen_ids = set()
    name = os.path.basename(path)

    def err(msg):
        errors.append(f"{name}: {msg}")

    for s in doc.get("matchmaking", []):
        sid = s["id"]
        out = next((o for o in sheet["sessions"] if o["id"] == sid), None)
        if out is None:
            err(f"session {sid} missing from the sheet")
            continue
        start, end = minutes(s["start"]), minutes(s["end"])
        slot, gap = duration(s["slot"]), duration(s.get("gap", "0m"))
        tables, interp = int(s["tables"]), int(s.get("interpreters", "0"))
        n_slots = (end - start + gap) // (slot + gap)
        weight = {}
        for r in s.get("requests", []):
            a, b = r["from"], r["to"]
            if companies[a]["side"] == "host":
                a, b = b, a
            weight[(a, b)] = weight.get((a, b), 0) + WEIGHT[r.get("priority", "normal")]
        mine = [m for m in meetings if m["session"] == sid]
        per_slot, per_company, pairs = {}, set(), set()
        total = 0
        for m in mine:
            a, b = m["companies"]
            k = m["slot"]
            if (a, b) not in weight:
                err(f"{m['id']}: a meeting nobody asked for")
                continue
            if (a, b) in pairs:
                err(f"{m['id']}: the pair meets twice")
            pairs.add((a, b))
            total += weight[(a, b)]
            if not 1 <= k <= n_slots:
                err(f"{m['id']}: slot {k} outside 1..{n_slots}")
            t0 = start + (k - 1) * (slot + gap)
            st, en = parse_time(m["start"]), parse_time(m["end"])
            if st.hour * 60 + st.minute != t0 or (en - st).seconds // 60 != slot:
                err(f"{m['id']}: {m['start']}..{m['end']} is not slot {k}")
            for c in (a, b):
                if (c, k) in per_company:
                    err(f"{m['id']}: {c} has two meetings in slot {k}")
                per_company.add((c, k))
                for u in s.get("unavailable", []):
                    if u["company"] == c and t0 < minutes(u["to"]) and minutes(u["from"]) < t0 + slot:
                        err(f"{m['id']}: {c} is unavailable then")
            common = set(companies[a].get("languages", [])) & set(companies[b].get("languages", []))
            if m["interpreted"] != (not common):
                err(f"{m['id']}: interpreted is {m['interpreted']}, common languages {sorted(common)}")
            if sorted(m["with"]) != sorted(companies[a]["members"]):
                err(f"{m['id']}: attended by {m['with']}, members are {companies[a]['members']}")
            per_slot.setdefault(k, []).append(m)
        for k, ms in per_slot.items():
            if len(ms) > tables:
                err(f"session {sid} slot {k}: {len(ms)} meetings at {tables} tables")
            if sum(m["interpreted"] for m in ms) > interp:
                err(f"session {sid} slot {k}: more interpreted meetings than {interp} interpreters")
            tabs = [m["table"] for m in ms]
            if len(set(tabs)) != len(tabs) or not all(1 <= t <= tables for t in tabs):
                err(f"session {sid} slot {k}: tables {tabs}")
        if total != out["weight"]:
            err(f"session {sid}: meetings weigh {total}, the sheet says {out['weight']}")
        if not out["weight"] <= out["bound"] <= out["requested"] == sum(weight.values()):
            err(f"session {sid}: weight {out['weight']}, bound {out['bound']}, requested {out['requested']}")
        if out["optimal"] != (out["weight"] == out["bound"]):
            err(f"session {sid}: optimal is {out['optimal']} with weight {out['weight']} and bound {out['bound']}")
        unmet = {tuple(u["companies"]) for u in out["unmet"]}
        if unmet | pairs != set(weight) or unmet & pairs:
            err(f"session {sid}: the meetings and the unmet requests do not cover the requests exactly")
        seen_ids |= {m["id"] for m in mine}

    # The sequence rule for every member around every meeting.
    sessions = {s["id"]: s for s in doc.get("matchmaking", [])}
    people = {p for c in companies.values() for p in c.get("members", [])}
    for p in sorted(people):
        own = sorted(
            (x for x in items if p in x["with"] and x["kind"] in ("visit", "travel", "meeting")
             and x.get("status") != "cancelled"),
            key=lambda x: parse_time(x["start"]))
        transfers = [x for x in items if p in x["with"] and x["kind"] == "transfer"]
        for a, b in zip(own, own[1:]):
            if a["kind"] != "meeting" and b["kind"] != "meeting":
                continue
            a_end, b_start = parse_time(a["end"]), parse_time(b["start"])
            if a["kind"] == b["kind"] == "meeting" and a["session"] == b["session"]:
                need = duration(sessions[a["session"]].get("gap", "0m"))
            else:
                need = buffer if b["kind"] != "travel" else b.get("checkin_minutes", 0)
            moving = sum(t["minutes"] for t in transfers
                         if a_end <= parse_time(t["start"]) and parse_time(t["end"]) <= b_start)
            if a.get("place") != b.get("place") and a["kind"] != "travel" and b["kind"] != "travel":
                if not moving and a.get("place") and b.get("place"):
                    # Places closer than 200 m need no transfer; otherwise one must be there.
                    pass
            if (b_start - a_end).total_seconds() / 60 < need + moving:
                err(f"{p}: {a['id']} (ends {a['end']}) and {b['id']} (starts {b['start']}) are "
                    f"{(b_start - a_end).total_seconds() / 60:.0f} min apart, need {need + moving}")
    return len(seen_ids)


def random_instance(rng, path):
    n_d, n_h = rng.randint(2, 6), rng.randint(2, 8)
    people = [f"p{i}" for i in range(n_d + 2)]
    langs = ["de", "en", "ko"]
    lines = [
        "itinerary: 1",
        "delegation:",
        "  id: random",
        "  title: Random",
        "  start: 2023-09-19",
        "  end: 2023-09-19",
        "  timezone: Asia/Seoul",
        f"  buffer: {rng.choice([0, 5, 10, 15])}m",
        "  participants:",
    ] + [f"    - {{id: {p}, name: {p.upper()}}}" for p in people] + [
        "institutions:",
        "  - {id: hall, name: Hall, geo: [37.5597, 126.9753]}",
        "  - {id: plant, name: Plant, geo: [37.5300, 127.0200]}",
        "  - {id: near, name: Near, geo: [37.5600, 126.9760]}",
        "visits:",
    ]
    visitors = rng.sample(people, rng.randint(0, min(4, len(people))))
    for i, who in enumerate(visitors):
        who = [who]
        lines.append(f"  - {{id: v{i}, title: V{i}, at: {rng.choice(['plant', 'near'])}, date: 2023-09-19, "
                     f"start: \"{rng.randint(12, 16):02d}:{rng.choice(['00', '20', '40'])}\", "
                     f"duration: {rng.choice([30, 45, 60])}m, with: [{', '.join(who)}]}}")
    if lines[-1] == "visits:":
        lines.pop()
    lines.append("companies:")
    for i in range(n_d):
        members = rng.sample(people, rng.randint(1, 2))
        ls = rng.sample(langs[:2], rng.randint(1, 2))
        lines.append(f"  - {{id: d{i}, name: D{i}, side: delegation, members: [{', '.join(members)}], "
                     f"languages: [{', '.join(ls)}]}}")
    for i in range(n_h):
        ls = rng.sample(langs[1:], rng.randint(1, 2))
        lines.append(f"  - {{id: h{i}, name: H{i}, side: host, languages: [{', '.join(ls)}]}}")
    lines += [
        "matchmaking:",
        "  - id: s1",
        "    at: hall",
        "    date: 2023-09-19",
        "    start: \"13:00\"",
        f"    end: \"{rng.randint(15, 18)}:00\"",
        f"    slot: {rng.choice([20, 25, 30])}m",
        f"    gap: {rng.choice([0, 5, 10])}m",
        f"    tables: {rng.randint(1, 4)}",
        f"    interpreters: {rng.randint(0, 2)}",
        "    requests:",
    ]
    asked = set()
    for _ in range(rng.randint(1, 3 * n_d)):
        a, b = f"d{rng.randrange(n_d)}", f"h{rng.randrange(n_h)}"
        if rng.random() < 0.3:
            a, b = b, a
        if (a, b) in asked:
            continue
        asked.add((a, b))
        lines.append(f"      - {{from: {a}, to: {b}, priority: {rng.choice(list(WEIGHT))}}}")
    lines.append("    unavailable:")
    lines.append(f"      - {{company: h{rng.randrange(n_h)}, from: \"13:00\", to: \"14:00\"}}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    binary, src = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    errors, checked, meetings = [], 0, 0
    examples = os.path.join(src, "data", "examples")
    for name in sorted(os.listdir(examples)):
        path = os.path.join(examples, name)
        if name.endswith(".yaml") and "matchmaking:" in open(path, encoding="utf-8").read():
            meetings += check(binary, path, errors)
            checked += 1
    rng = random.Random(20230919)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            path = os.path.join(tmp, f"random-{i}.yaml")
            random_instance(rng, path)
            meetings += check(binary, path, errors)
            checked += 1
    for e in errors:
        print("FAIL", e)
    print(f"{checked} files, {meetings} meetings checked, {len(errors)} violations")
    sys.exit(1 if errors or checked == 0 else 0)


if __name__ == "__main__":
    main()
