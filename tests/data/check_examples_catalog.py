#!/usr/bin/env python3
"""The bundled examples name institutions as the catalogs do, and the catalogs
name the institutions of the public record as the record does.

usage: check_examples_catalog.py SOURCE_DIR

Three checks, so that examples and catalogs cannot drift apart again:
* the catalogs (data/institutions/*.yaml) keep the names the public record
  (the WFS press release the examples are built on) gives the institutions
  it names;
* wherever an example's text names a catalog institution by its acronym
  (WFS, ILK, IWU, KIAPI ...), the acronym stands inside the catalog's short
  name or full name of that institution ("ILK der TU Dresden", not
  "ILK Dresden");
* an example's own institutions do not reuse a catalog id, name, short name
  or acronym.
Prints one line per failure and "N passed, N failed".
"""
import glob
import os
import re
import sys

import yaml

# Catalog id -> (key, text the record uses). The record is the press release
# "Südkoreanische Delegation zu Gast in Sachsen" (Wirtschaftsförderung Sachsen).
RECORD = {
    "wfs": ("name", "Wirtschaftsförderung Sachsen GmbH"),
    "ssh": ("name", "Smart Systems Hub"),
    "ilk": ("name", "Institut für Leichtbau und Kunststofftechnik (ILK) der Technischen Universität Dresden"),
    "iwu": ("name", "Fraunhofer-Institut für Werkzeugmaschinen und Umformtechnik IWU"),
    "mdz-chemnitz": ("name", "Mittelstand-Digital Zentrum"),
    "h2korea": ("short", "H2Korea"),
    "kiapi": ("short", "KIAPI"),
    "katech": ("name", "Korea Automotive Technology Institute"),
    "mss": ("short", "MSS"),
}
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,}(?![\w-])")


def load(path):
    with open(path, encoding="utf-8") as f:
        # Every scalar as text, as itinerary itself reads it.
        return yaml.load(f, Loader=yaml.BaseLoader) or {}


def acronyms(inst):
    return set(ACRONYM.findall(flat(inst.get("short", ""))))


def flat(v):
    """A text, or all the variants of one written in several languages."""
    if isinstance(v, dict):
        return " / ".join(flat(x) for x in v.values())
    if isinstance(v, list):
        return " / ".join(flat(x) for x in v)
    return v or ""


def texts(doc):
    """(where, text) for every free text of an example that may name a place."""
    for where, text in raw_texts(doc):
        yield where, flat(text)


def raw_texts(doc):
    d = doc.get("delegation", {})
    yield "delegation.title", d.get("title", "")
    yield "delegation.lead", d.get("lead", "")
    yield "delegation.organizer", (d.get("organizer") or {}).get("name", "")
    for p in d.get("participants") or []:
        yield "participant %s" % p.get("id"), " / ".join(flat(p.get(k, "")) for k in ("role", "org"))
    for g in d.get("groups") or []:
        yield "group %s" % g.get("id"), flat(g.get("name", ""))
    for key in ("visits", "travel"):
        for v in doc.get(key) or []:
            for k in ("title", "host", "description", "ref"):
                if v.get(k):
                    yield "%s %s %s" % (key[:-1] if key == "visits" else "leg", v.get("id"), k), v[k]


def misnamed(text, by_acronym):
    """Acronyms in text that stand outside every name of their institution."""
    bad = []
    for m in ACRONYM.finditer(text):
        owners = by_acronym.get(m.group())
        if not owners:
            continue
        spans = [(s.start(), s.end()) for inst in owners for n in (inst.get("short", ""), inst.get("name", "")) if n
                 for s in re.finditer(re.escape(n), text)]
        if not any(a <= m.start() and m.end() <= b for a, b in spans):
            bad.append((m.group(), owners))
    return bad


def main(src):
    passed, failed = 0, 0

    def check(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL " + message)

    catalog = {}
    for path in sorted(glob.glob(os.path.join(src, "data", "institutions", "*.yaml"))):
        for inst in load(path).get("institutions") or []:
            check(inst["id"] not in catalog, "%s: institution id '%s' is in two catalogs" % (path, inst["id"]))
            catalog[inst["id"]] = inst
    for iid, (key, text) in RECORD.items():
        got = catalog.get(iid, {}).get(key, "")
        check(text.casefold() in got.casefold(),
              "catalog '%s': %s is '%s', the record says '%s'" % (iid, key, got, text))

    by_acronym = {}
    for inst in catalog.values():
        for a in acronyms(inst):
            by_acronym.setdefault(a, []).append(inst)
    names = {n: inst["id"] for inst in catalog.values() for n in (inst.get("name"), inst.get("short")) if n}

    for path in sorted(glob.glob(os.path.join(src, "data", "examples", "*.yaml"))):
        doc, ex = load(path), os.path.basename(path)
        for inst in doc.get("institutions") or []:
            iid = inst.get("id")
            check(iid not in catalog, "%s: institution '%s' is already in a catalog" % (ex, iid))
            for k in ("name", "short"):
                v = inst.get(k)
                for n in (v.values() if isinstance(v, dict) else [v] if v else []):
                    check(n not in names, "%s: institution '%s' has the %s of catalog institution '%s'" %
                          (ex, iid, k, names.get(n)))
            for a in acronyms(inst):
                check(a not in by_acronym, "%s: institution '%s' uses the acronym %s of a catalog institution" %
                      (ex, iid, a))
        for where, text in texts(doc):
            bad = misnamed(text, by_acronym)
            for a, owners in bad:
                print("FAIL %s: %s names %s outside its catalog name: write '%s' or '%s'" %
                      (ex, where, a, owners[0].get("short"), owners[0].get("name")))
            failed += len(bad)
            passed += not bad
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
