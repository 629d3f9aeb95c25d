#!/usr/bin/env python3
"""check_refs: every section sign cited in src/ and tests/ names a section of docs/format.md.

A citation is `§N` or `§N.M`. It refers to docs/format.md unless the nearest
document named before it in the same comment (up to a blank line, at most
a few lines back) is another one: an RFC ("RFC 5545 §3.1"), CommonMark, an
ISO standard or a statute ("HFeiertagsG §1"). Sections of docs/format.md are
its numbered headings: "## 13. How the scheduler works" is §13,
"### 13.2 Transfers" is §13.2.

A number that exists is not enough: sections get renumbered. So the text
around a citation (its comment, up to a blank line) must also name the
section's subject: one of the words of its heading ("§15" next to "JSON",
"§13.2" next to "transfer").

Usage: check_refs.py <source dir>. Prints every wrong citation as
file:line: message and exits 1 when there is one.
"""
import os
import re
import sys

SECTION = re.compile(r"§\s*(\d+(?:\.\d+)*)")
# Another document's name: its sections are not ours.
FOREIGN = re.compile(r"RFC\s*\d+|CommonMark|ISO\s*\d+|\b[A-Z][A-Za-z]*G\b")
# This project's format document, by any of the names the sources use.
OURS = re.compile(r"format\.md|FORMAT\.md|\bformat's\b|\bformat\b", re.IGNORECASE)
LOOKBACK = 400  # characters searched back for the document a § belongs to
SUFFIXES = (".c", ".h", ".sh", ".py", ".mjs", ".cmake", ".txt", ".yaml")


# Heading words that say nothing about a section's subject.
STOP = {"the", "and", "how", "works", "with", "what", "from", "fixed", "more", "into", "that", "their"}


def subject_words(title):
    words = re.findall(r"[a-z_]{3,}", title.lower().replace("`", ""))
    # "visits" is cited as "visit", "transfers" as "transfer".
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in STOP}


def sections(format_md):
    """{number: subject words of its heading}"""
    found = {}
    with open(format_md, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#{2,4}\s+(\d+(?:\.\d+)*)\.?\s+(.*)", line)
            if m:
                found[m.group(1)] = subject_words(m.group(2))
    return found


def context(text, pos):
    """The comment around pos: up to a blank line, LOOKBACK characters either side."""
    start, end = max(0, pos - LOOKBACK), min(len(text), pos + LOOKBACK)
    blank = text.rfind("\n\n", start, pos)
    if blank >= 0:
        start = blank
    blank = text.find("\n\n", pos, end)
    if blank >= 0:
        end = blank
    return text[start:end].lower()


def owner(text, pos):
    """'ours' or 'foreign': the nearest document named before pos."""
    start = max(0, pos - LOOKBACK)
    blank = text.rfind("\n\n", start, pos)
    if blank >= 0:
        start = blank
    before = text[start:pos]
    last_foreign = max((m.end() for m in FOREIGN.finditer(before)), default=-1)
    last_ours = max((m.end() for m in OURS.finditer(before)), default=-1)
    return "foreign" if last_foreign > last_ours else "ours"


def check_file(path, rel, known, errors):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return 0
    n = 0
    for m in SECTION.finditer(text):
        if owner(text, m.start()) == "foreign":
            continue
        n += 1
        line = text.count("\n", 0, m.start()) + 1
        num = m.group(1)
        if num not in known:
            errors.append(f"{rel}:{line}: §{num} is not a section of docs/format.md")
        elif known[num] and not any(w in context(text, m.start()) for w in known[num]):
            errors.append(
                f"{rel}:{line}: §{num} of docs/format.md is about {', '.join(sorted(known[num]))}, "
                "which the text around the citation does not mention (renumbered?)")
    return n


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    known = sections(os.path.join(root, "docs", "format.md"))
    if not known:
        print("docs/format.md has no numbered sections")
        return 1
    errors, cited = [], 0
    for top in ("src", "tests"):
        for d, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(x for x in dirs if x not in ("node_modules", "build"))
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    path = os.path.join(d, name)
                    cited += check_file(path, os.path.relpath(path, root), known, errors)
    for e in errors:
        print(e)
    print(f"{cited - len(errors)} passed, {len(errors)} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
