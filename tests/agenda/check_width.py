#!/usr/bin/env python3
"""No line of a text agenda is wider than --width in terminal columns.

usage: check_width.py ITINERARY EXAMPLES_DIR

Renders every example in every language (and two bilingual pairs) at several widths, for everyone and
for each participant, and measures each line with Python's own East Asian
Width data (wide and fullwidth characters count two, combining marks none).
A line may be wider only when it is a single word (nothing to break at).
The languages added later run at two widths, for everyone and one
participant. In Japanese and Chinese agendas no line may start with a
closing bracket, a closing punctuation mark or a small kana (ICU's strict
line-breaking rules). Extra YAML files after EXAMPLES_DIR are checked too.
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


# What may not begin a line in Japanese or Chinese (kinsoku).
NO_START = set("）」』】〕〉》〙〗］｝)]}、。，．・：；？！ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")


def one_word(line):
    """A single word, perhaps after its label: the wrapper puts a word too
    wide for the line at its text's column, beside the label."""
    t = line.strip()
    label, sep, rest = t.partition(": ")
    if sep and len(label.split(" ")) <= 4:
        t = rest
    return len(t.split(" ")) <= 1


def bad_start(line):
    t = line.lstrip(" ")
    return bool(t) and t[0] in NO_START


itin, examples = sys.argv[1], sys.argv[2]
passed = failed = 0
for path in sorted(glob.glob(os.path.join(examples, "*.yaml"))) + sys.argv[3:]:
    plan = json.loads(subprocess.run([itin, "plan", path, "--format", "json"], capture_output=True, text=True,
                                     check=True).stdout)
    people = [None] + [p["id"] for p in plan["participants"][:3]]
    for lang in ("en", "de", "ko", "de,ko", "en,ko", "vi", "ja", "zh-Hans", "zh-Hant", "fr", "es", "pl", "cs"):
        widths, whom = ((40, 60, 80, 100), people) if lang in ("en", "de", "ko", "de,ko", "en,ko") else ((40, 80), people[:2])
        for width in widths:
            for who in whom:
                cmd = [itin, "plan", path, "--lang", lang, "--width", str(width)]
                if who:
                    cmd += ["--participant", who]
                r = subprocess.run(cmd, capture_output=True, text=True)
                bad = [l for l in r.stdout.splitlines() if columns(l) > width and not one_word(l)]
                if lang in ("ja", "zh-Hans", "zh-Hant"):
                    bad += [l for l in r.stdout.splitlines() if bad_start(l)]
                if r.returncode != 0 or not r.stdout or bad:
                    failed += 1
                    print("FAIL %s --lang %s --width %d %s" % (os.path.basename(path), lang, width, who or ""))
                    for l in bad[:5]:
                        print("   %3d| %s" % (columns(l), l))
                else:
                    passed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or not passed else 0)
