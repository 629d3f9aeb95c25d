#!/usr/bin/env python3
"""PDF agendas read back by poppler-utils, which nobody here wrote.

usage: check_pdf.py ITINERARY SOURCE_DIR

For every bundled example, in English, German, Korean and their bilingual
pairs, for the whole delegation and for three participants; one example in
each other language (Vietnamese, Japanese, Chinese, French, Spanish, Polish,
Czech) and the Vietnamese example with German beside it; and the hostile
file (tests/pdf/hostile.yaml) for everyone and for one participant:

  pdfinfo           A4 (letter with --paper letter), as many pages as the
                    footers say, the title and the SOURCE_DATE_EPOCH dates
  pdffonts          every font embedded (as a subset); Noto Sans, and Noto
                    Sans CJK where the text has Hangul
  pdftotext -raw    every time and title of the text agenda comes back, in
                    its order; every participant's name; every Korean word
                    as often as in the text agenda; "page N of M" on every
                    page; and nothing else: every word is one of the text
                    agenda's, or a word of the footer, the chart's legend or
                    an hour of its axis (the other languages' words read from
                    src/labels/); Japanese and Chinese in Noto Sans CJK JP,
                    SC and TC
  pdftotext -bbox   no word outside the printable area (24 pt, about 8.5 mm,
                    from each edge) and no two words overlapping

Prints "N passed, N failed" and exits 1 on a failure.
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

ITIN, SRC = sys.argv[1], sys.argv[2]
EPOCH = "1668384000"
LANGS = ["en", "de", "ko", "de,ko", "ko,de", "en,ko", "en,de"]
MARGIN = 24.0  # the printable area: this far from each edge, in points
OVERLAP = 0.5  # words may touch, but not overlap by more than this

# The words a PDF adds to the text agenda: the footer, the chart's legend and
# lanes ("everyone"), per language.
EXTRA = {
    "en": "Page of Visit Transfer Travel everyone",
    "de": "Seite von Termin Transfer Reise alle",
    "ko": "쪽 (총 쪽) 방문 이동 교통편 전원",
}
FOOTER = {"en": "Page {n} of {m}", "de": "Seite {n} von {m}", "ko": "{n}쪽 (총 {m}쪽)"}
# The other languages, one example each: their words as src/labels/ has them.
NEW_LANGS = ["vi", "ja", "zh-Hans", "zh-Hant", "fr", "es", "pl", "cs"]


def label(code, name):
    path = os.path.join(SRC, "src/labels", code.lower().replace("-", "_") + ".c")
    m = re.search(r"\[" + name + r'\] = ((?:"(?:[^"\\]|\\.)*"\s*)+),', open(path, encoding="utf-8").read())
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))).encode().decode("unicode_escape").encode(
        "latin-1").decode("utf-8")


for code in NEW_LANGS:
    page = label(code, "L_PAGE")
    FOOTER[code] = page.replace("%d", "{n}", 1).replace("%d", "{m}", 1)
    EXTRA[code] = " ".join([page.replace("%d", " ")] + [label(code, k) for k in ("L_VISIT", "L_TRANSFER", "L_LEG",
                                                                                  "L_EVERYONE")])
HANGUL = re.compile("[\uac00-\ud7a3]+")
TIME = re.compile(r"^(\d\d:\d\d\S*(?: \(UTC[+-]\d\d:\d\d\))?(?:–\d\d:\d\d(?: \(UTC[+-]\d\d:\d\d\))?)?(?: [+-]\d+)?)(?:  +(.*))?$")
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def run(cmd, **kw):
    # A pango or cairo critical (a NULL layout, say) aborts instead of a line on stderr.
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, TZ="UTC", G_DEBUG="fatal-criticals")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, **kw)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def expected(path, lang, who):
    """Times and titles in order, from the text agenda (never wrapped)."""
    cmd = [ITIN, "plan", path, "--width", "1000"] + (["--lang", lang] if lang else [])
    cmd += ["--participant", who] if who else []
    text = run(cmd, check=True).stdout
    seq, lines = [], text.split("\n")
    for i, line in enumerate(lines):
        m = TIME.match(line)
        if not m:
            continue
        title = m.group(2) or (lines[i + 1].strip() if i + 1 < len(lines) else "")
        seq += [m.group(1), title]
    return text, seq


def check_one(path, lang, who, paper="a4"):
    """Everything about one PDF; a list of problems."""
    errs = []
    name = f"{os.path.basename(path)} lang={lang or '-'} who={who or 'all'} paper={paper}"
    plan = json_of(path)
    own = next((p.get("language") for p in plan["participants"] if p["id"] == who), None)
    langs = lang.split(",") if lang else own or [plan["delegation"]["language"]]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "a.pdf")
        cmd = [ITIN, "plan", path, "--format", "pdf", "-o", pdf]
        cmd += ["--lang", lang] if lang else []
        cmd += ["--participant", who] if who else []
        cmd += ["--paper", paper] if paper != "a4" else []
        r = run(cmd)
        if r.returncode != 0:
            return [f"{name}: itinerary exited {r.returncode}: {r.stderr.strip()[-300:]}"]
        info = run(["pdfinfo", pdf], check=True).stdout
        fonts = run(["pdffonts", pdf], check=True).stdout
        raw = run(["pdftotext", "-raw", pdf, "-"], check=True).stdout
        bbox = run(["pdftotext", "-bbox", pdf, "-"], check=True).stdout

    # pdfinfo: the paper, the pages, the dates.
    size = {"a4": "595.276 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)"}[paper]
    if size not in info:
        errs.append(f"{name}: not {paper}: {re.search(r'Page size:.*', info).group(0)}")
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    if "CreationDate:    Mon Nov 14 00:00:00 2022 UTC" not in info:
        errs.append(f"{name}: the creation date is not SOURCE_DATE_EPOCH's")

    # pdffonts: all embedded subsets.
    rows = fonts.splitlines()[2:]
    for row in rows:
        f = row.split()
        if f[-5:-3] != ["yes", "yes"]:
            errs.append(f"{name}: font not embedded as a subset: {row}")
    if not any("NotoSans-" in r for r in rows):
        errs.append(f"{name}: no Noto Sans")

    # pdftotext: what comes back.
    text, seq = expected(path, lang, who)
    if HANGUL.search(raw) and not any("NotoSansCJK" in r for r in rows):
        errs.append(f"{name}: Hangul without Noto Sans CJK")
    # Han characters drawn in the agenda's own script's face.
    face = {"ja": "NotoSansCJKjp", "zh-Hans": "NotoSansCJKsc", "zh-Hant": "NotoSansCJKtc"}.get(langs[0])
    if face and not any(face in r for r in rows):
        errs.append(f"{name}: no {face}")
    # Each page begins with its running header and footer (drawn first):
    # without them, the body text of all pages in a row.
    page_texts = raw.split("\f")
    body = []
    for n, t in enumerate(page_texts[:pages], 1):
        foot = " / ".join(FOOTER[l].format(n=n, m=pages) for l in langs)
        lines = t.split("\n")
        k = next((i for i, line in enumerate(lines) if squeeze(line) == squeeze(foot)), None)
        if k is None:
            errs.append(f"{name}: page {n} lacks '{foot}'")
            break
        body += lines[k + 1:]
    flat = squeeze("\n".join(body))
    pos = 0
    for s in seq:
        k = flat.find(squeeze(s), pos)
        if k < 0:
            errs.append(f"{name}: '{s}' missing or out of order (after {flat[max(0, pos - 40):pos]!r})")
            break
        pos = k + len(squeeze(s))
    for p in json_of(path)["participants"]:
        if squeeze(p["name"]) not in flat:
            errs.append(f"{name}: participant {p['name']} missing")
    want = {}
    for w in HANGUL.findall(text):
        want[w] = want.get(w, 0) + 1
    for w, n in want.items():
        if flat.count(w) < n:
            errs.append(f"{name}: Korean '{w}' {flat.count(w)} times, expected at least {n}")
            break
    known = squeeze(text)
    extra = set(" ".join(EXTRA[l] for l in langs).split())
    extra |= {w for n in range(1, pages + 1) for l in langs for w in FOOTER[l].format(n=n, m=pages).split()}
    for word in raw.split():
        # A word cut short with "…", or listed in a lane of the chart ("A,").
        w = word.rstrip("…").rstrip(",")
        if not w or w in known or w in extra or re.fullmatch(r"\d\d:00|\d+|\d+쪽|\(총|\d+쪽\)|/", w):
            continue
        errs.append(f"{name}: '{word}' is not in the agenda")
        break

    # pdftotext -bbox: inside the page, no overlaps.
    for pm in PAGE.finditer(bbox):
        width, height = float(pm.group(1)), float(pm.group(2))
        end = bbox.find("</page>", pm.end())
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(bbox[pm.end():end])]
        for x0, y0, x1, y1, t in words:
            if x0 < MARGIN or y0 < MARGIN or x1 > width - MARGIN or y1 > height - MARGIN:
                errs.append(f"{name}: '{t}' outside the printable area at ({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f})")
                break
        words.sort(key=lambda w: w[1])
        clash = None
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[1] >= a[3] - OVERLAP:
                    break
                if min(a[2], b[2]) - max(a[0], b[0]) > OVERLAP and min(a[3], b[3]) - max(a[1], b[1]) > OVERLAP:
                    clash = (a, b)
                    break
            if clash:
                a, b = clash
                errs.append(f"{name}: '{a[4]}' and '{b[4]}' overlap at ({b[0]:.1f}, {b[1]:.1f})")
                break
    return errs


_json = {}


def json_of(path):
    if path not in _json:
        _json[path] = json.loads(run([ITIN, "plan", path, "--format", "json"], check=True).stdout)
    return _json[path]


def main():
    examples = sorted(os.path.join(SRC, "data/examples", f) for f in os.listdir(os.path.join(SRC, "data/examples"))
                      if f.endswith(".yaml"))
    cases = []
    for path in examples:
        people = [p["id"] for p in json_of(path)["participants"]]
        three = [people[0], people[len(people) // 2], people[-1]]
        for lang in LANGS:
            for who in [None] + three:
                cases.append((path, lang, who))
        cases.append((path, None, None, "letter"))
    for lang in NEW_LANGS:
        cases.append((os.path.join(SRC, "data/examples/kr-mss-saxony-2022.yaml"), lang, None))
    cases.append((os.path.join(SRC, "data/examples/vn-embassy-saxony-2019.yaml"), "vi,de", None))
    hostile = os.path.join(SRC, "tests/pdf/hostile.yaml")
    cases += [(hostile, None, None), (hostile, "ko,de", "p04"), (hostile, "en", None, "letter")]
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for case, errs in zip(cases, pool.map(lambda c: check_one(*c), cases)):
            if errs:
                failed += 1
                for e in errs[:5]:
                    print("FAIL", e)
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
