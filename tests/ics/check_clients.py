#!/usr/bin/python3
"""Import exported calendars into real command-line calendar clients and check
that every event shows at the right local time.

usage: check_clients.py khal|calcurse DIR [CASE...]

Each case (default: every full calendar, i.e. the cases whose name has no
'.') is imported into a fresh client in a temporary HOME under DIR, once per
viewing zone (Europe/Berlin, Asia/Seoul, America/New_York), and what the
client lists is compared, as a multiset of (start, end, title[, status or
alarm]) lines, with the expectation expect.py derived from the scheduler's
JSON, converted to the viewing zone with Python's zoneinfo.

khal (Debian's, built on python-icalendar) exits 0 even when it rejects a
value: any "error" or "warning" it prints fails the check. calcurse looks
zones up by TZID name and ignores VTIMEZONE (so a prefixed TZID would turn
floating) and rejects a SUMMARY with a line break; its import report must
say "0 skipped".
Prints "N passed, N failed" (one check per case and zone).
"""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

ZONES = ["Europe/Berlin", "Asia/Seoul", "America/New_York"]
SEP = "\x1f"


def local(iso_utc, zone):
    t = dt.datetime.strptime(iso_utc, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    return t.astimezone(ZoneInfo(zone))


def day_before(date):
    return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()


def env_for(home):
    env = dict(os.environ)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), XDG_CACHE_HOME=os.path.join(home, ".cache"),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("TZ", None)
    return env


def date_range(exp):
    dates = [e["start"][:10] for e in exp["events"]] + [e["end"][:10] for e in exp["events"]]
    lo = dt.date.fromisoformat(min(dates)) - dt.timedelta(days=2)
    hi = dt.date.fromisoformat(max(dates)) + dt.timedelta(days=2)
    return lo, hi


def khal_case(exp, ics, home):
    """Yields (zone, problems) for each viewing zone."""
    env = env_for(home)
    cal = os.path.join(home, "calendar")
    os.makedirs(cal)
    conf = {}
    for zone in ZONES:
        path = os.path.join(home, "khal-%s.conf" % zone.replace("/", "-"))
        with open(path, "w", encoding="utf-8") as f:
            f.write("[calendars]\n[[trip]]\npath = %s\ntype = calendar\n"
                    "[locale]\nlocal_timezone = %s\ndefault_timezone = %s\n"
                    "timeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\nlongdateformat = %%Y-%%m-%%d\n"
                    "datetimeformat = %%Y-%%m-%%d %%H:%%M\nlongdatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                    "[sqlite]\npath = %s\n" % (cal, zone, zone, os.path.join(home, "khal-%s.db" % zone.replace("/", "-"))))
        conf[zone] = path
    r = subprocess.run(["khal", "-c", conf[ZONES[0]], "import", "--batch", "-a", "trip", ics],
                       env=env, capture_output=True, text=True)
    import_problems = []
    if r.returncode != 0:
        import_problems.append("khal import exited %d" % r.returncode)
    for line in (r.stderr + r.stdout).splitlines():
        if re.search(r"error|warning", line, re.I):
            import_problems.append("khal import: " + line)
    n_files = len([f for f in os.listdir(cal) if f.endswith(".ics")])
    if n_files != len(exp["events"]):
        import_problems.append("khal stored %d events, expected %d" % (n_files, len(exp["events"])))
    lo, hi = date_range(exp)
    for zone in ZONES:
        problems = list(import_problems)
        r = subprocess.run(["khal", "-c", conf[zone], "list", "--once", "-df", "",
                            "-f", SEP.join(["{start}", "{end}", "{status}", "{title}"]),
                            lo.isoformat(), hi.isoformat()], env=env, capture_output=True, text=True)
        if r.returncode != 0:
            problems.append("khal list exited %d" % r.returncode)
        for line in r.stderr.splitlines():
            if re.search(r"error|warning", line, re.I):
                problems.append("khal list: " + line)
        got = sorted(tuple(f.strip() for f in line.split(SEP)) for line in r.stdout.splitlines() if line.strip())
        want = []
        for e in exp["events"]:
            if e["all_day"]:
                want.append((e["start"], day_before(e["end"]), e["status"], e["summary"]))
            else:
                want.append((local(e["start"], zone).strftime("%Y-%m-%d %H:%M"),
                             local(e["end"], zone).strftime("%Y-%m-%d %H:%M"), e["status"], e["summary"]))
        want.sort()
        if got != want:
            for x in sorted(set(want) - set(got)):
                problems.append("missing or wrong: %r" % (x,))
            for x in sorted(set(got) - set(want)):
                problems.append("khal shows: %r" % (x,))
            if set(got) == set(want):
                problems.append("duplicates: %d listed, %d expected" % (len(got), len(want)))
        yield zone, problems


def us_date(date):
    return dt.date.fromisoformat(date).strftime("%m/%d/%Y")


APT = re.compile(r"^(\d\d/\d\d/\d{4}) @ (\d\d:\d\d) -> (\d\d/\d\d/\d{4}) @ (\d\d:\d\d)(?:>[0-9a-f]+ )?\s*([!|])(.*)$")
EVENT = re.compile(r"^(\d\d/\d\d/\d{4}) \[1\](?: \{1D -> (\d\d/\d\d/\d{4})\})?(?: >[0-9a-f]+)? (.*)$")


def calcurse_case(exp, ics, home):
    env = env_for(home)
    for zone in ZONES:
        problems = []
        data = os.path.join(home, "data-" + zone.replace("/", "-"))
        confdir = os.path.join(home, "conf-" + zone.replace("/", "-"))
        os.makedirs(data)
        os.makedirs(confdir)
        env["TZ"] = zone
        r = subprocess.run(["calcurse", "-D", data, "-C", confdir, "-i", ics, "--dump-imported"],
                           env=env, capture_output=True, text=True, cwd=home)
        if r.returncode != 0:
            problems.append("calcurse exited %d: %s" % (r.returncode, r.stderr.strip()))
        m = re.search(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped", r.stdout)
        if not m or m.group(4) != "0":
            problems.append("calcurse import report: %s" % (m.group(0) if m else r.stdout[-300:]))
        got = []
        for line in r.stdout.splitlines():
            a = APT.match(line)
            e = EVENT.match(line)
            if a:
                got.append(("apt", a.group(1), a.group(2), a.group(3), a.group(4), a.group(5) == "!", a.group(6)))
            elif e:
                got.append(("event", e.group(1), e.group(2), e.group(3)))
        want = []
        for e in exp["events"]:
            if e["all_day"]:
                last = day_before(e["end"])
                want.append(("event", us_date(e["start"]), None if last == e["start"] else us_date(last),
                             e["summary"]))
            else:
                s, t = local(e["start"], zone), local(e["end"], zone)
                want.append(("apt", s.strftime("%m/%d/%Y"), s.strftime("%H:%M"), t.strftime("%m/%d/%Y"),
                             t.strftime("%H:%M"), e["alarm_seconds"] is not None, e["summary"]))
        key = lambda x: tuple("" if v is None else str(v) for v in x)
        got.sort(key=key)
        want.sort(key=key)
        if got != want:
            for x in sorted(set(want) - set(got), key=key):
                problems.append("missing or wrong: %r" % (x,))
            for x in sorted(set(got) - set(want), key=key):
                problems.append("calcurse shows: %r" % (x,))
            if set(got) == set(want):
                problems.append("duplicates: %d listed, %d expected" % (len(got), len(want)))
        yield zone, problems


def main():
    client, out = sys.argv[1], sys.argv[2]
    if shutil.which(client) is None:
        print("FAIL: %s is not installed (apt-get install %s)" % (client, client))
        print("0 passed, 1 failed")
        return 1
    cases = sys.argv[3:] or [c for c in json.load(open(os.path.join(out, "cases.json"))) if "." not in c]
    run = khal_case if client == "khal" else calcurse_case
    passed = failed = 0
    for name in cases:
        exp = json.load(open(os.path.join(out, name + ".expected.json"), encoding="utf-8"))
        home = tempfile.mkdtemp(prefix="%s-%s-" % (client, name), dir=out)
        try:
            for zone, problems in run(exp, os.path.join(out, exp["ics"]), home):
                for p in problems:
                    print("FAIL %s %s (%s): %s" % (client, name, zone, p))
                failed += bool(problems)
                passed += not problems
        finally:
            shutil.rmtree(home, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # still end with the count line
        print("FAIL: %r" % (e,))
        print("0 passed, 1 failed")
        sys.exit(1)
