#!/usr/bin/env python3
"""The matchmaking benchmark (docs/performance.md): the plan of
match_gen.py, solved by the mixed-integer program and by the greedy
baseline, per session: weight placed, proven bound, gap, and wall time.

usage: python3 bench/match_run.py BUILD_DIR [SEED...] [--solve-time S]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def run(binary, path, extra):
    t0 = time.monotonic()
    p = subprocess.run([binary, "matchmaking", path, "--format", "json"] + extra, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"itinerary matchmaking exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout), wall


def main():
    args = sys.argv[1:]
    solve_time = "30"
    if "--solve-time" in args:
        i = args.index("--solve-time")
        solve_time = args[i + 1]
        del args[i:i + 2]
    build, seeds = args[0], [int(s) for s in args[1:]] or [1, 2, 3]
    binary = os.path.join(build, "itinerary")
    print(f"{'seed':>4} {'session':>7} {'meetings':>8} {'greedy':>6} {'solver':>6} {'bound':>6} "
          f"{'asked':>6} {'gap':>8} {'+weight':>7} {'wall s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            path = os.path.join(tmp, f"match-{seed}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                subprocess.run([sys.executable, os.path.join(here, "match_gen.py"), str(seed)], stdout=f, check=True)
            greedy, g_wall = run(binary, path, ["--greedy"])
            solved, s_wall = run(binary, path, ["--solve-time", solve_time])
            for g, s in zip(greedy["sessions"], solved["sessions"]):
                gap = "optimal" if s["optimal"] else f"{s['gap_percent']:.1f} %"
                print(f"{seed:>4} {s['id']:>7} {len(s['meetings']):>8} {g['weight']:>6} {s['weight']:>6} "
                      f"{s['bound']:>6} {s['requested']:>6} {gap:>8} {s['weight'] - g['weight']:>+7} "
                      f"{s_wall:>7.2f}")
            print(f"{'':>4} {'(greedy run, whole plan)':>34} {'':>36} {g_wall:>7.2f}")


if __name__ == "__main__":
    main()
