#!/usr/bin/env python3
"""The Markdown agenda is CommonMark whose structure user text cannot change.

usage: check_markdown.py ITINERARY CMARK SOURCE_DIR

Renders tests/agenda/evil.yaml (Markdown and HTML syntax in every kind of user
text) and every bundled example in every language with cmark, the reference
CommonMark implementation, and checks the HTML: the structure is only ours
(one h1, an h2 per day plus participants and contacts, lists, strong labels),
no element comes from user text, and the user text reads back exactly.
Prints "N passed, N failed".
"""
import glob
import html
import json
import os
import re
import subprocess
import sys

itin, cmark, src = sys.argv[1:4]
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


def render(path, *args):
    md = subprocess.run([itin, "plan", path, "--format", "md"] + list(args), capture_output=True, text=True)
    check("%s %s exit" % (os.path.basename(path), args), md.returncode == 0, md.stderr)
    out = subprocess.run([cmark], input=md.stdout, capture_output=True, text=True, check=True).stdout
    return md.stdout, out


def visible(h):
    return html.unescape(re.sub(r"<[^>]+>", "", h))


evil = os.path.join(src, "tests", "agenda", "evil.yaml")
for lang in ("en", "de", "ko"):
    md, h = render(evil, "--lang", lang)
    tags = set(re.findall(r"<([a-z0-9]+)", h))
    check("evil %s tags" % lang, tags <= {"h1", "h2", "ul", "li", "p", "strong", "em", "br"}, str(tags))
    check("evil %s h1" % lang, h.count("<h1>") == 1)
    check("evil %s h2" % lang, h.count("<h2>") == 2, "the day and the participants")
    text = visible(h)
    for s in ["*Not emphasis* and <script>alert(1)</script> | pipe", "[Link](http://example.org) `code`",
              "_under_ & &amp;", "![img](x.png)", "WFS <b>bold</b>", "Bertolt-Brecht-Allee 22 \\ backslash",
              "# not a heading", "~~strike~~", "<i>italic</i>", "1. not a list", "- not a list item",
              "1. not an ordered list", "> not a quote", "<div>not html</div>", "```", "+ plus newline"]:
        check("evil %s text %r" % (lang, s), s in text)

for path in sorted(glob.glob(os.path.join(src, "data", "examples", "*.yaml"))):
    plan = json.loads(subprocess.run([itin, "plan", path, "--format", "json"], capture_output=True, text=True,
                                     check=True).stdout)
    for lang in ("en", "de", "ko"):
        md, h = render(path, "--lang", lang)
        name = "%s %s" % (os.path.basename(path), lang)
        check(name + " h2", h.count("<h2>") == len(plan["days"]) + 2, "days, participants, contacts")
        # The title in the agenda's language when the file gives it so.
        title = plan["delegation"].get("title_variants", {}).get(lang, plan["delegation"]["title"])
        check(name + " title", visible(h).startswith(title), title)
        items = sum(1 for d in plan["days"] for x in d["items"] if x["kind"] != "lodging")
        check(name + " items", h.count("<li>") >= items, "%d < %d" % (h.count("<li>"), items))
        check(name + " no raw html", "<script" not in h and "<div" not in h)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or not passed else 0)
