#!/usr/bin/env python3
"""The transport sheet against the itinerary's JSON, read independently.

usage: check_transport.py ITINERARY EXAMPLES_DIR

For every bundled example: export it, read DIR/transport.csv as RFC 4180 and
the JSON, and check that every transfer of the JSON is one record of the CSV
with the same date, times, places, mode, head count and names (and nothing
else is), and that each road transfer's vehicle count is the most road
routes (transfers with the same places and times share a vehicle) running at
one instant during it, computed here from the JSON.
"""
import csv
import datetime
import glob
import io
import json
import os
import subprocess
import sys
import tempfile

ROAD = {"car", "taxi", "bus"}
HEADER = ["date", "start", "end", "from", "to", "mode", "people", "names", "vehicles"]


def instant(iso):
    return datetime.datetime.fromisoformat(iso).timestamp()


def expected_rows(doc):
    people = {p["id"]: p.get("name") or p["id"] for p in doc["participants"]}
    places = {k: v.get("short") or v["name"] for k, v in doc["places"].items()}
    rows = []
    for day in doc["days"]:
        transfers = [x for x in day["items"] if x["kind"] == "transfer"]
        # Transfers on one route (same places and times) share a vehicle.
        road = sorted({(instant(x["start"]), instant(x["end"]), x["from"], x["to"])
                       for x in transfers if x["mode"] in ROAD})

        def running(t):
            return sum(1 for s, e, _, _ in road if s <= t < e)

        for x in transfers:
            s, e = instant(x["start"]), instant(x["end"])
            vehicles = ""
            if x["mode"] in ROAD:
                # The count only rises when a transfer starts.
                vehicles = str(max(running(t) for t in [s] + [a for a, _, _, _ in road if s <= a < e]))
            # A transfer everyone makes names no one: every participant goes.
            names = list(people.values()) if x.get("everyone") else [people[i] for i in x["with"]]
            rows.append([day["date"], x["start"][11:16], x["end"][11:16], places[x["from"]],
                         places[x["to"]], x["mode"], str(len(names)), "; ".join(names), vehicles])
    return rows


def check(binary, example, tmp):
    name = os.path.basename(example)[:-5]
    doc = json.loads(subprocess.run([binary, "plan", example, "--format", "json"], check=True,
                                    capture_output=True).stdout)
    out = os.path.join(tmp, name)
    subprocess.run([binary, "export", example, "-d", out], check=True, capture_output=True)
    with open(os.path.join(out, "transport.csv"), "rb") as f:
        raw = f.read()
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("records must end in CRLF (RFC 4180 section 2)")
    records = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if not records or records[0] != HEADER:
        problems.append("header is %r" % (records[:1],))
    got = records[1:]
    want = expected_rows(doc)
    for r in want:
        if r in got:
            got.remove(r)
        else:
            problems.append("transfer missing or different: %s" % ",".join(r))
    for r in got:
        problems.append("record for no transfer: %s" % ",".join(r))
    if not want:
        problems.append("the example has no transfers to check")
    return name, len(want), problems


def main():
    binary, examples = sys.argv[1], sys.argv[2]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for example in sorted(glob.glob(os.path.join(examples, "*.yaml"))):
            name, n, problems = check(binary, example, tmp)
            if problems:
                failed += 1
                print("FAIL %s:" % name)
                for p in problems[:20]:
                    print("  " + p)
            else:
                passed += 1
                print("ok %s: %d transfers" % (name, n))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
