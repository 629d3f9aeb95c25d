#!/usr/bin/env python3
"""No line of a text agenda is wider than --width in terminal columns.

usage: check_width.py ITINERARY EXAMPLES_DIR

Renders every example in every language (and two bilingual pairs) at several widths, for everyone and
for each participant, and measures each line with Python's own East Asian
Width data (wide and fullwidth characters count two, combining marks none).
A line may be wider only when it is a single word (nothing to break at).
Prints "N passed, N failed".
"""
import glob
import json
import os
import subprocess
import sys
import unicodedata


def columns(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


itin, examples = sys.argv[1], sys.argv[2]
passed = failed = 0
for path in sorted(glob.glob(os.path.join(examples, "*.yaml"))):
    plan = json.loads(subprocess.run([itin, "plan", path, "--format", "json"], capture_output=True, text=True,
                                     check=True).stdout)
    people = [None] + [p["id"] for p in plan["participants"][:3]]
    for lang in ("en", "de", "ko", "de,ko", "en,ko"):
        for width in (40, 60, 80, 100):
            for who in people:
                cmd = [itin, "plan", path, "--lang", lang, "--width", str(width)]
                if who:
                    cmd += ["--participant", who]
                r = subprocess.run(cmd, capture_output=True, text=True)
                bad = [l for l in r.stdout.splitlines() if columns(l) > width and len(l.strip().split(" ")) > 1]
                if r.returncode != 0 or not r.stdout or bad:
                    failed += 1
                    print("FAIL %s --lang %s --width %d %s" % (os.path.basename(path), lang, width, who or ""))
                    for l in bad[:5]:
                        print("   %3d| %s" % (columns(l), l))
                else:
                    passed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or not passed else 0)
