#!/usr/bin/env python3
"""Generate a feasible delegation file for the benchmark.

usage: gen.py VISITS [PEOPLE GROUPS DAYS] > plan.yaml
       gen.py --heavy VISITS > plan.yaml
       gen.py --everyone VISITS > plan.yaml

PEOPLE participants in GROUPS groups over DAYS days (defaults 80, 40, 50), with
visits on the working days among them.

--heavy: 200 participants in 100 groups of two, five visits per group per
working day (as many working days as VISITS needs: 200 for 100,000), each
at one of 50 places spread over a few kilometres, so that nearly every visit
has an estimated transfer before it; lodging in one hotel.
--everyone: 1,000 participants (the most allowed) and VISITS one-minute
visits for everyone, at one place, spread over the days of 2022 (the
limits case `growth-participants-visits` of tests/limits with its
visits at one place, so that every one fits).

Otherwise: each group works through its own cluster of places (closer than 200 m to each
other, so no transfer), and once a day the whole delegation meets at a venue a
few kilometres away (transfers estimated by car, hotel transfers morning and
evening). Visit lengths shrink as the count grows so that every day fits.
"""
import datetime
import sys

if sys.argv[1] == "--everyone":
    visits = int(sys.argv[2])
    out = sys.stdout.write
    out("itinerary: 1\ndelegation:\n  id: everyone-%d\n  title: t\n  start: 2022-01-01\n  end: 2022-12-31\n"
        "  timezone: Europe/Berlin\n  day: {start: \"00:00\", end: \"24:00\"}\n  accept: [weekend]\n"
        "  participants:\n" % visits)
    out("".join("    - {id: p%d, name: n}\n" % i for i in range(1000)))
    out("institutions:\n  - {id: a, name: A, geo: [51.0398, 13.7905]}\nvisits:\n")
    out("".join("  - {id: v%d, title: t, at: a, day: %d, duration: 1m}\n" % (i, i % 365 + 1) for i in range(visits)))
    sys.exit(0)

if sys.argv[1] == "--heavy":
    visits = int(sys.argv[2])
    groups, per_day = 100, 5
    n_days = -(-visits // (groups * per_day))
    start = datetime.date(2024, 1, 1)  # a Monday
    workdays, d = [], 0
    while len(workdays) < n_days:
        day = start + datetime.timedelta(days=d)
        if day.weekday() < 5:
            workdays.append(day)
        d += 1
    end = workdays[-1]
    out = sys.stdout.write
    out("itinerary: 1\ndelegation:\n  id: heavy-%d\n  title: Heavy benchmark with %d visits\n" % (visits, visits))
    out("  start: %s\n  end: %s\n  timezone: Europe/Berlin\n" % (start, end))
    out("  day: {start: \"07:00\", end: \"22:00\"}\n  buffer: 5m\n  accept: [weekend]\n  participants:\n")
    for p in range(2 * groups):
        out("    - {id: p%03d, name: Participant %d, org: Org %d, email: p%03d@example.org}\n" % (p, p, p % 7, p))
    out("  groups:\n")
    for g in range(groups):
        out("    - {id: g%02d, name: Group %d, members: [p%03d, p%03d]}\n" % (g, g, 2 * g, 2 * g + 1))
    out("institutions:\n  - {id: hotel, name: Hotel, city: Dresden, geo: [51.0500, 13.7400]}\n")
    for k in range(50):
        out("  - {id: s%02d, name: Place %d, address: Street %d, city: Dresden, geo: [%.4f, %.4f]}\n"
            % (k, k, k + 1, 51.02 + (k % 10) * 0.006, 13.70 + (k // 10) * 0.012))
    out("lodging:\n  - {at: hotel, from: %s, to: %s}\n" % (start, end + datetime.timedelta(days=1)))
    out("visits:\n")
    n = 0
    for di, date in enumerate(workdays):
        for g in range(groups):
            for k in range(per_day):
                if n >= visits:
                    break
                out("  - id: v%06d\n    title: Visit %d of group %d\n    at: s%02d\n    date: %s\n"
                    "    duration: 1h\n    with: [g%02d]\n    topics: [topic %d]\n"
                    % (n, k, g, (g * 7 + k * 11 + di) % 50, date, g, n % 13))
                n += 1
    sys.exit(0)

visits = int(sys.argv[1])
people = int(sys.argv[2]) if len(sys.argv) > 2 else 80
groups = int(sys.argv[3]) if len(sys.argv) > 3 else 40
days = int(sys.argv[4]) if len(sys.argv) > 4 else 50

start = datetime.date(2024, 3, 4)
end = start + datetime.timedelta(days=days - 1)
# Visits on working days only, as a real programme would have them.
workdays = [start + datetime.timedelta(days=d) for d in range(days)
            if (start + datetime.timedelta(days=d)).weekday() < 5]
per_group_day = max(1, -(-(visits - len(workdays)) // (groups * len(workdays))))
# The day window is 07:00-22:00: keep the group's visits within ~10 hours.
minutes = max(5, min(60, (600 // per_group_day - 5) // 5 * 5))

out = sys.stdout.write
out("itinerary: 1\n")
out("delegation:\n")
out("  id: bench-%d\n" % visits)
out("  title: Benchmark delegation with %d visits\n" % visits)
out("  start: %s\n  end: %s\n" % (start, end))
out("  timezone: Europe/Berlin\n")
out("  day: {start: \"07:00\", end: \"22:00\"}\n")
out("  buffer: 5m\n")
out("  participants:\n")
for p in range(people):
    out("    - {id: p%03d, name: Participant %d, org: Org %d, email: p%03d@example.org}\n" % (p, p, p % 7, p))
out("  groups:\n")
for g in range(groups):
    members = ", ".join("p%03d" % p for p in range(people) if p % groups == g)
    out("    - {id: g%02d, name: Group %d, members: [%s]}\n" % (g, g, members))
out("institutions:\n")
out("  - {id: hotel, name: Hotel, city: Dresden, geo: [51.0500, 13.7400]}\n")
out("  - {id: venue, name: Venue, city: Dresden, geo: [51.0700, 13.7600], hours: {mon-sun: \"06:00-23:00\"}}\n")
for g in range(groups):
    lat = 51.0 + (g % 8) * 0.01
    lon = 13.6 + (g // 8) * 0.01
    for k in range(5):
        out("  - {id: c%02d-%d, name: Place %d of cluster %d, address: Street %d, city: Dresden, "
            "geo: [%.5f, %.5f]}\n" % (g, k, k, g, k + 1, lat + k * 0.0002, lon))
out("lodging:\n")
out("  - {at: hotel, from: %s, to: %s}\n" % (start, end + datetime.timedelta(days=1)))
out("visits:\n")
n = 0
for d, date in enumerate(workdays):
    out("  - {id: plenary-%d, title: Plenary %d, at: venue, date: %s, start: \"08:00\", duration: 1h}\n"
        % (d, d, date))
    n += 1
for date in workdays:
    for g in range(groups):
        for k in range(per_group_day):
            if n >= visits:
                break
            out("  - id: v%06d\n    title: Visit %d of group %d\n    at: c%02d-%d\n    date: %s\n"
                "    duration: %dm\n    with: [g%02d]\n    topics: [topic %d]\n"
                % (n, k, g, g, k % 5, date, minutes, g, n % 13))
            n += 1
