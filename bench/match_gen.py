#!/usr/bin/env python3
"""Write the matchmaking benchmark's plan (docs/performance.md).

60 delegation companies (one or two members each), 150 host companies,
1,200 requests over two sessions of 16 slots, 30 tables and 4
interpreters; a fifth of the members have a visit during part of a session.

usage: match_gen.py [SEED] > plan.yaml
"""
import random
import sys

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
rng = random.Random(seed)
N_DELEG, N_HOST, N_REQ, TABLES, INTERP = 60, 150, 1200, 30, 4

out = []
w = out.append
w("itinerary: 1")
w("delegation:")
w("  id: bench-match")
w("  title: Matchmaking benchmark")
w("  start: 2023-09-19")
w("  end: 2023-09-20")
w("  timezone: Asia/Seoul")
w("  buffer: 10m")
w("  participants:")
members = []
for c in range(N_DELEG):
    ms = [f"p{c}a"] + ([f"p{c}b"] if rng.random() < 0.4 else [])
    members.append(ms)
    for p in ms:
        w(f"    - {{id: {p}, name: P {p}}}")
w("institutions:")
w("  - {id: hall, name: Exhibition hall, geo: [37.5116, 127.0594]}")
for i in range(10):
    w(f"  - {{id: site{i}, name: Site {i}, geo: [{37.45 + i * 0.01:.4f}, {126.95 + i * 0.012:.4f}]}}")
w("visits:")
vid = 0
for c, ms in enumerate(members):
    for p in ms:
        if rng.random() < 0.2:
            day = rng.choice(["2023-09-19", "2023-09-20"])
            h = rng.randint(9, 15)
            w(f"  - {{id: v{vid}, title: Visit {vid}, at: site{rng.randrange(10)}, date: {day}, "
              f"start: \"{h:02d}:{rng.choice(['00', '30'])}\", duration: {rng.choice([60, 90, 120])}m, with: [{p}]}}")
            vid += 1
w("companies:")
for c, ms in enumerate(members):
    langs = ["de"] + (["en"] if rng.random() < 0.7 else [])
    w(f"  - {{id: d{c}, name: Delegation company {c}, side: delegation, members: [{', '.join(ms)}], "
      f"languages: [{', '.join(langs)}]}}")
for h in range(N_HOST):
    langs = ["ko"] + (["en"] if rng.random() < 0.7 else [])
    w(f"  - {{id: h{h}, name: Host company {h}, side: host, languages: [{', '.join(langs)}]}}")
w("matchmaking:")
for s, day in enumerate(["2023-09-19", "2023-09-20"]):
    w(f"  - id: s{s + 1}")
    w("    at: hall")
    w(f"    date: {day}")
    w("    start: \"09:00\"")
    w("    end: \"17:00\"")
    w("    slot: 25m")
    w("    gap: 5m")
    w(f"    tables: {TABLES}")
    w(f"    interpreters: {INTERP}")
    w("    requests:")
    asked = set()
    while len(asked) < N_REQ // 2:
        a, b = f"d{rng.randrange(N_DELEG)}", f"h{rng.randrange(N_HOST)}"
        if rng.random() < 0.25:
            a, b = b, a
        if (a, b) in asked:
            continue
        asked.add((a, b))
        pr = rng.choice(["high", "normal", "normal", "low"])
        w(f"      - {{from: {a}, to: {b}, priority: {pr}}}")
    w("    unavailable:")
    for h in rng.sample(range(N_HOST), 15):
        st = rng.choice(["09:00", "13:00"])
        en = "11:00" if st == "09:00" else "17:00"
        w(f"      - {{company: h{h}, from: \"{st}\", to: \"{en}\"}}")
print("\n".join(out))
