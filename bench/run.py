#!/usr/bin/env python3
"""Benchmark: itinerary against libyaml alone on the same generated plans.

usage: bench/run.py BUILD_DIR [SIZES...]      (default sizes 1000 10000 100000)

For each size it generates a plan (bench/gen.py: 80 participants in 40 groups
over 50 days), then times, best of five runs each, side by side:
  scan   bench_yaml_scan: libyaml parsing the file into events, nothing else
  check  itinerary check          (load + schedule)
  json   itinerary plan --format json -o FILE
and reads the peak resident memory of `plan --format json` (GNU time).
It prints a Markdown table with the ratios the project holds itself to.
"""
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1]
sizes = [int(x) for x in sys.argv[2:]] or [1000, 10000, 100000]
itin = os.path.join(build, "itinerary")
scan = os.path.join(build, "bench_yaml_scan")
formats = ["json"]
if subprocess.run([itin, "help", "plan"], capture_output=True, text=True).stdout.find("ics") >= 0:
    formats.append("ics")


def best(cmd, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        if r.returncode != 0:
            sys.exit("%s exited %d" % (" ".join(cmd), r.returncode))
    return min(times)


def peak_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return int(r.stderr.strip().splitlines()[-1])


rows = []
with tempfile.TemporaryDirectory() as tmp:
    for n in sizes:
        path = os.path.join(tmp, "plan-%d.yaml" % n)
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(here, "gen.py"), str(n)], stdout=f, check=True)
        size = os.path.getsize(path)
        out = os.path.join(tmp, "out")
        row = {"n": n, "bytes": size, "scan": best([scan, path]), "check": best([itin, "check", path])}
        for fmt in formats:
            row[fmt] = best([itin, "plan", path, "--format", fmt, "-o", out])
        row["peak"] = peak_kb([itin, "plan", path, "--format", "json", "-o", out]) * 1024
        rows.append(row)

print("| visits | input | libyaml scan | check | plan json | json / scan |%s peak memory (json) | peak / input |"
      % (" plan ics | ics / scan |" if "ics" in formats else ""))
print("|---:|---:|---:|---:|---:|---:|%s---:|---:|" % ("---:|---:|" if "ics" in formats else ""))
for r in rows:
    ics = " %.3f s | %.2f× |" % (r["ics"], r["ics"] / r["scan"]) if "ics" in formats else ""
    print("| %d | %.1f MB | %.3f s | %.3f s | %.3f s | %.2f× |%s %.1f MB | %.1f× |"
          % (r["n"], r["bytes"] / 1e6, r["scan"], r["check"], r["json"], r["json"] / r["scan"], ics,
             r["peak"] / 1e6, r["peak"] / r["bytes"]))
for a, b in zip(rows, rows[1:]):
    if b["n"] == 10 * a["n"]:
        line = "%d → %d visits: json %.2f× the time" % (a["n"], b["n"], b["json"] / a["json"])
        if "ics" in formats:
            line += ", ics %.2f×" % (b["ics"] / a["ics"])
        print("\n" + line + " (target: within 11×)")
