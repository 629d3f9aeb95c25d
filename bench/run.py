#!/usr/bin/env python3
"""Benchmark: itinerary against libyaml alone on the same generated plans.

usage: bench/run.py BUILD_DIR [--shape basic|heavy|both] [SIZES...]
       (default: both shapes, sizes 10000 100000)

For each shape and size it generates a plan with bench/gen.py (basic: 80
participants in 40 groups over 50 days; heavy: 200 participants in 100 groups,
five visits per group per working day, transfers between 50 places), then
times, the median of five runs each (processor time, user + system; the
runs go in rounds of every command, and a command shorter than half a
second is run several times per measurement), side by side in one run on
the same file:
  scan   bench_yaml_scan: libyaml parsing the file into events, nothing else
  check  itinerary check          (load + schedule)
  json, md, text, ics
         itinerary plan --format F -o FILE
and reads the peak resident memory of `plan --format text` (GNU time). It
prints a Markdown table of the ratios to the scan (each run against the scan
of its own round, the median of those), the growth from 10x fewer
visits, and the targets the project holds itself to; last, 1,000
participants with 20,000 visits for everyone (gen.py --everyone): `check`
and `plan --format json`, against 1 s and 100 MB.
"""
import math
import os
import statistics
import resource
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
build = args.pop(0)
shapes = ["basic", "heavy"]
if args and args[0] == "--shape":
    args.pop(0)
    which = args.pop(0)
    shapes = shapes if which == "both" else [which]
sizes = [int(x) for x in args] or [10000, 100000]
itin = os.path.join(build, "itinerary")
scan = os.path.join(build, "bench_yaml_scan")
formats = ["json", "md", "text", "ics"]
targets = {"json": 2, "md": 3, "text": 4, "ics": 6}
runs = int(os.environ.get("BENCH_RUNS", "5"))


def cpu_children():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run_once(cmd):
    t = cpu_children()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode != 0:
        sys.exit("%s exited %d" % (" ".join(cmd), r.returncode))
    return cpu_children() - t


def best(cmds):
    """For each named command, the median processor time (user + system) of
    `runs` runs: on a machine shared with other work the wall clock varies by
    a third from run to run, the processor time far less. The runs go in
    rounds, every command once per round, so that a slow spell of the
    machine falls on all of them alike and not on one command's runs. A
    command that takes less than half a second is run several times in a row
    for one measurement (the time per run of the whole), so that the jitter
    of a single short run does not decide the growth from 10x fewer visits."""
    repeat = {name: max(1, math.ceil(0.5 / max(run_once(cmd), 1e-3))) for name, cmd in cmds.items()}
    times = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(sum(run_once(cmd) for _ in range(repeat[name])) / repeat[name])
    result = {name: statistics.median(t) for name, t in times.items()}
    if "scan" in times:
        # Each command against the scan of its own round, which ran a moment
        # before it: the median of these ratios, not the ratio of medians.
        result["ratio"] = {name: statistics.median(a / b for a, b in zip(t, times["scan"]))
                           for name, t in times.items()}
    return result


def peak_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return int(r.stderr.strip().splitlines()[-1])


rows = []
with tempfile.TemporaryDirectory() as tmp:
    for shape in shapes:
        for n in sizes:
            path = os.path.join(tmp, "plan-%s-%d.yaml" % (shape, n))
            gen = [sys.executable, os.path.join(here, "gen.py")] + (["--heavy"] if shape == "heavy" else []) + [str(n)]
            with open(path, "w") as f:
                subprocess.run(gen, stdout=f, check=True)
            out = os.path.join(tmp, "out")
            cmds = {"scan": [scan, path], "check": [itin, "check", path]}
            for fmt in formats:
                cmds[fmt] = [itin, "plan", path, "--format", fmt, "-o", out]
            row = {"shape": shape, "n": n, "bytes": os.path.getsize(path)}
            row.update(best(cmds))
            row["peak"] = peak_kb([itin, "plan", path, "--format", "text", "-o", out]) * 1024
            rows.append(row)

    path = os.path.join(tmp, "plan-everyone.yaml")
    with open(path, "w") as f:
        subprocess.run([sys.executable, os.path.join(here, "gen.py"), "--everyone", "20000"], stdout=f, check=True)
    out = os.path.join(tmp, "out")
    everyone = best({"scan": [scan, path], "check": [itin, "check", path],
                     "json": [itin, "plan", path, "--format", "json", "-o", out]})
    everyone["bytes"] = os.path.getsize(path)
    everyone["peak"] = max(peak_kb([itin, "check", path]),
                           peak_kb([itin, "plan", path, "--format", "json", "-o", out])) * 1024
    everyone["json_bytes"] = os.path.getsize(out)

print("| shape | visits | input | scan | check | %s | peak (text) | peak / input |"
      % " | ".join("%s | %s / scan" % (f, f) for f in formats))
print("|---|---:|---:|---:|---:|%s---:|---:|" % ("---:|---:|" * len(formats)))
for r in rows:
    cells = " | ".join("%.3f s | %.2f×" % (r[f], r["ratio"][f]) for f in formats)
    print("| %s | %d | %.1f MB | %.3f s | %.3f s | %s | %.1f MB | %.1f× |"
          % (r["shape"], r["n"], r["bytes"] / 1e6, r["scan"], r["check"], cells, r["peak"] / 1e6,
             r["peak"] / r["bytes"]))

print()
print("| target | %s |" % " | ".join("%s %d" % (r["shape"], r["n"]) for r in rows))
print("|---|%s" % ("---|" * len(rows)))
for f in formats:
    print("| %s ≤ %d× the scan | %s |" % (f, targets[f], " | ".join(
        "%.2f× %s" % (r["ratio"][f], "met" if r["ratio"][f] <= targets[f] else "**not met**") for r in rows)))
print("| peak memory ≤ 8× the input | %s |" % " | ".join(
    "%.1f× %s" % (r["peak"] / r["bytes"], "met" if r["peak"] <= 8 * r["bytes"] else "**not met**") for r in rows))
for a, b in zip(rows, rows[1:]):
    if a["shape"] == b["shape"] and b["n"] == 10 * a["n"]:
        print("\n%s, %d → %d visits (target: within 11× the time): %s" % (
            a["shape"], a["n"], b["n"],
            ", ".join("%s %.2f×" % (f, b[f] / a[f]) for f in formats)))

e = everyone
print("\n1,000 participants × 20,000 visits for everyone (%.1f MB; scan %.3f s): check %.3f s, "
      "json %.3f s (%.1f MB), peak %.1f MB — target ≤ 1 s and ≤ 100 MB: %s"
      % (e["bytes"] / 1e6, e["scan"], e["check"], e["json"], e["json_bytes"] / 1e6, e["peak"] / 1e6,
         "met" if max(e["check"], e["json"]) <= 1 and e["peak"] <= 100e6 else "**not met**"))
