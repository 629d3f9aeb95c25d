#!/usr/bin/env python3
"""Benchmark: the PDF booklet of growing plans, to see that it stays linear.

usage: bench/pdf.py BUILD_DIR [SIZES...]      (default sizes 1250 2500 5000 10000)

For each size it generates a plan with bench/gen.py (80 participants in 40
groups, each group with three visits a working day and the whole delegation
once; the days grow with the size, so that every day looks the same and the
booklet grows in proportion), then runs `itinerary plan --format pdf -o FILE` three
times and keeps the best: the processor time (user + system, which a busy
machine does not inflate as it does the wall-clock time), the wall-clock
time, the pages and bytes of the PDF and the peak resident memory. It prints
a Markdown table with the time per 1,000 visits and per 100 pages, and the
growth from the smallest size to the largest.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1]
sizes = [int(x) for x in sys.argv[2:]] or [1250, 2500, 5000, 10000]
itin = os.path.join(build, "itinerary")


def run_once(cmd):
    """Processor seconds, wall seconds and peak memory (KB) of one run."""
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit("%s failed (%d)" % (" ".join(cmd), status))
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


rows = []
with tempfile.TemporaryDirectory() as tmp:
    for n in sizes:
        path = os.path.join(tmp, "plan-%d.yaml" % n)
        with open(path, "w") as f:
            days = max(7, round(n / 121 * 7 / 5))  # 121 visits a working day
            subprocess.run([sys.executable, os.path.join(here, "gen.py"), str(n), "80", "40", str(days)], stdout=f,
                           check=True)
        out = os.path.join(tmp, "out.pdf")
        runs = [run_once([itin, "plan", path, "--format", "pdf", "-o", out]) for _ in range(3)]
        cpu = min(r[0] for r in runs)
        wall = min(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        m = re.search(r"Pages:\s+(\d+)", info)
        pages = int(m.group(1)) if m else 0
        rows.append({"n": n, "cpu": cpu, "wall": wall, "peak": peak * 1024, "pages": pages,
                     "bytes": os.path.getsize(out), "input": os.path.getsize(path)})

print("| visits | input | pages | PDF | processor time | wall clock | per 1,000 visits | per 100 pages | peak memory |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print("| %d | %.1f MB | %d | %.1f MB | %.2f s | %.2f s | %.2f s | %.2f s | %.1f MB |"
          % (r["n"], r["input"] / 1e6, r["pages"], r["bytes"] / 1e6, r["cpu"], r["wall"],
             r["cpu"] / r["n"] * 1000, r["cpu"] / max(r["pages"], 1) * 100, r["peak"] / 1e6))
if len(rows) > 1:
    a, b = rows[0], rows[-1]
    print("\n%d → %d visits (%.1f×): %.2f× the processor time, %.2f× the pages"
          % (a["n"], b["n"], b["n"] / a["n"], b["cpu"] / a["cpu"], b["pages"] / max(a["pages"], 1)))
