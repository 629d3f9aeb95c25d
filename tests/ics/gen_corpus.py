#!/usr/bin/python3
"""Write delegation files around clock changes, one per change, for the
calendar checks (tests/ics/corpus.sh).

usage: gen_corpus.py OUT-DIR

For each zone below, the changes of its offset are found in tzdata (Python's
zoneinfo, which reads the system's tzdata): the last change forward and the
last change back in 2019-2026, or, for a zone without changes then, its last
change since 1970. Each change gets a delegation in that zone, three days
around it, with visits:

  before     fixed, about three hours before the change (on one date)
  across     fixed: across the change. Clocks going back by d: from the
             first occurrence of the repeated time (d/2 before the change)
             for d, so it ends at the second occurrence of the same wall
             time. Clocks going forward: from 30 minutes before the change
             for an hour, over the skipped time. A visit may not run past
             midnight: for a change at midnight it is a train (a travel leg
             with fixed departure and arrival) to another place, where the
             next visits are.
  next       flexible, placed right after 'across' (clocks going back: in
             the second occurrence of the repeated time)
  after      fixed, about three hours after the change (on one date)

Prints one line per file written.
"""
import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc

# Half-hour and 45-minute offsets and changes, changes at midnight, negative
# DST (Dublin, Casablanca's Ramadan), abolished DST (Apia, Tehran, Sao Paulo,
# Mexico City, Amman), changes of standard offset (Nuuk, Asuncion), a
# two-hour change (Troll), the date line (Apia, Chatham).
ZONES = [
    "Australia/Lord_Howe", "Pacific/Apia", "Pacific/Chatham", "Asia/Kathmandu", "Asia/Tehran",
    "America/Sao_Paulo", "Africa/Casablanca", "Europe/Dublin", "Europe/Berlin", "Asia/Seoul",
    "America/New_York", "Europe/London", "America/Santiago", "America/Havana", "Australia/Sydney",
    "America/St_Johns", "Asia/Jerusalem", "Antarctica/Troll", "America/Nuuk", "America/Mexico_City",
    "Asia/Amman", "America/Asuncion", "Pacific/Norfolk", "Asia/Gaza", "Europe/Chisinau",
]


def offset(zone, t):
    return int(dt.datetime.fromtimestamp(t, ZoneInfo(zone)).utcoffset().total_seconds())


def changes(zone, lo, hi):
    """[(instant, offset before, offset after)] in (lo, hi]."""
    out = []
    t, off = lo, offset(zone, lo)
    step = 6 * 3600
    while t < hi:
        u = min(t + step, hi)
        if offset(zone, u) != off:
            a, b = t, u
            while b - a > 1:
                m = (a + b) // 2
                if offset(zone, m) == off:
                    a = m
                else:
                    b = m
            new = offset(zone, b)
            out.append((b, off, new))
            off, u = new, b
        t = u
    return out


def ts(y, m=1, d=1):
    return int(dt.datetime(y, m, d, tzinfo=UTC).timestamp())


def chosen_changes(zone):
    recent = changes(zone, ts(2019), ts(2027))
    picked = []
    for forward in (True, False):
        alike = [c for c in recent if (c[2] > c[1]) == forward]
        if alike:
            picked.append(alike[-1])
    if not picked:
        old = changes(zone, ts(1970), ts(2027))
        picked = old[-1:]
    return sorted(picked)


def wall(zone, t):
    return dt.datetime.fromtimestamp(t, ZoneInfo(zone))


def visit(vid, title, place, w, minutes, fixed=True):
    s = '  - {id: %s, title: "%s", at: %s, date: %s' % (vid, title, place, w.date().isoformat())
    if fixed:
        s += ', start: "%s"' % w.strftime("%H:%M")
    return s + ", duration: %dm}\n" % minutes


def same_day(zone, a, b):
    """Whether instants a and b (b the end) fall on one local date; a visit
    may not run past midnight."""
    return wall(zone, a).date() == wall(zone, b - 1).date()


def fixed_near(zone, t, hours, minutes):
    """The start, about `hours` from t, of a visit of `minutes` that stays
    on one local date."""
    for h in (hours, hours * 2 / 3, hours * 4 / 3, hours / 3, hours * 5 / 3):
        a = t + int(h * 3600) if hours > 0 else t + int(h * 3600) - minutes * 60
        if same_day(zone, a, a + minutes * 60):
            return a
    return t + hours * 3600


def delegation(zone, change):
    t, before, after = change
    d = abs(after - before)
    if after < before:  # the clocks go back by d: a repeated stretch
        across_start, across_min, next_min = t - d // 2, d // 60, max(d // 120, 5)
    else:  # forward: a skipped stretch
        across_start, across_min, next_min = t - 1800, 60, 30
    across_end = across_start + across_min * 60
    # Across midnight (changes at 00:00), a travel leg instead of a visit.
    leg = not same_day(zone, across_start, across_end)
    later = "place2" if leg else "place"
    first, last = wall(zone, t - 86400).date(), wall(zone, t + 86400).date()
    slug = zone.replace("/", "-").lower() + "-" + wall(zone, t).strftime("%Y%m%d")
    text = (
        "# Generated by gen_corpus.py: %s, %s, %s -> %s.\n"
        "itinerary: 1\n"
        "delegation:\n"
        "  id: %s\n"
        '  title: "Clock change %s %s"\n'
        "  start: %s\n"
        "  end: %s\n"
        "  timezone: %s\n"
        "  language: en\n"
        '  day: {start: "00:00", end: "24:00"}\n'
        "  buffer: 0m\n"
        "  participants:\n"
        "    - {id: lee, name: Lee Ji-won, email: lee@example.org}\n"
        "institutions:\n"
        "  - {id: place, name: Place, timezone: %s}\n"
        "  - {id: place2, name: Other place, timezone: %s}\n"
        % (zone, wall(zone, t).isoformat(), fmt_off(before), fmt_off(after), slug, zone,
           wall(zone, t).date().isoformat(), first.isoformat(), last.isoformat(), zone, zone, zone))
    visits = visit("before", "Before", "place", wall(zone, fixed_near(zone, t, -3, 60)), 60)
    if leg:
        text += ("travel:\n  - {id: across, title: Across, mode: train, from: place, to: place2, "
                 'depart: "%s", arrive: "%s"}\n'
                 % (wall(zone, across_start).strftime("%Y-%m-%d %H:%M"),
                    wall(zone, across_end).strftime("%Y-%m-%d %H:%M")))
    else:
        visits += visit("across", "Across", "place", wall(zone, across_start), across_min)
    visits += visit("next", "Next", later, wall(zone, across_end), next_min, fixed=False)
    visits += visit("after", "After", later, wall(zone, fixed_near(zone, t, 3, 60)), 60)
    return slug, text + "visits:\n" + visits


def fmt_off(s):
    sign = "-" if s < 0 else "+"
    s = abs(s)
    return "%s%02d:%02d" % (sign, s // 3600, s % 3600 // 60)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n = 0
    for zone in ZONES:
        for change in chosen_changes(zone):
            slug, text = delegation(zone, change)
            with open(os.path.join(out, slug + ".yaml"), "w", encoding="utf-8") as f:
                f.write(text)
            print(slug)
            n += 1
    if n < len(ZONES):
        sys.exit("only %d files for %d zones" % (n, len(ZONES)))


if __name__ == "__main__":
    main()
