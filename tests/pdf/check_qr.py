#!/usr/bin/env python3
"""The QR codes of the PDF agenda, read back by a camera's decoder.

usage: check_qr.py ITINERARY SOURCE_DIR

Renders every page of every bundled example's PDF agenda with pdftoppm and
decodes it with zbarimg (zbar-tools). The codes must be exactly the geo:
URIs (RFC 5870) of the places of the visits that are not cancelled and
whose place has `geo`: one code a visit (none for a B2B meeting, whose
session's visit has the venue's), its coordinates those of the JSON output. Prints "N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ITIN, SRC = sys.argv[1], sys.argv[2]
URI = re.compile(r"^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$")


def main():
    passed = failed = 0
    examples = os.path.join(SRC, "data/examples")
    for f in sorted(os.listdir(examples)):
        if not f.endswith(".yaml"):
            continue
        path = os.path.join(examples, f)
        plan = json.loads(subprocess.run([ITIN, "plan", path, "--format", "json"], capture_output=True, text=True,
                                         check=True).stdout)
        want = []
        for day in plan["days"]:
            for x in day["items"]:
                geo = plan["places"].get(x.get("place"), {}).get("geo")
                if x["kind"] == "visit" and x.get("status") != "cancelled" and geo:
                    want.append(tuple(geo))
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, "a.pdf")
            subprocess.run([ITIN, "plan", path, "--format", "pdf", "-o", pdf], capture_output=True, check=True)
            subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", pdf, os.path.join(tmp, "p")], check=True)
            got = []
            for png in sorted(p for p in os.listdir(tmp) if p.endswith(".png")):
                r = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                                    os.path.join(tmp, png)], capture_output=True, text=True)
                got += [c for c in r.stdout.splitlines() if c]
        coords = []
        bad = [c for c in got if not URI.match(c)]
        for c in got:
            m = URI.match(c)
            if m:
                coords.append((float(m.group(1)), float(m.group(2))))
        if bad:
            print(f"FAIL {f}: not geo: URIs: {bad[:3]}")
            failed += 1
        elif sorted(coords) != sorted(want):
            print(f"FAIL {f}: {len(coords)} codes {sorted(set(coords))[:4]}..., expected {len(want)} {sorted(set(want))[:4]}...")
            failed += 1
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
