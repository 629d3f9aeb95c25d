#!/usr/bin/python3
"""Independent check of the bundled holiday calendars (data/holidays/*.yaml)
against Debian's python3-holidays (0.10.1 on Debian 12).

    /usr/bin/python3 check_python_holidays.py DATA_HOLIDAYS_DIR

For every calendar python3-holidays also has (the country, and the regions
mapped in REGION below) and every year 2022-2035: every date it lists must
be ours, every date of ours must be there, except for the rules of
allow_python_holidays.py, each with its reason and official source
(docs/holidays.md). One line per mismatch, then "N passed, N failed"
(N = calendar-years)."""
import datetime
import os
import re
import sys

import holidays

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from allow_python_holidays import ALLOW  # noqa: E402

FIRST, LAST = 2022, 2035
# Our country code -> the class of python3-holidays (where the name differs).
CLASS = {'FR': 'FRA', 'IN': 'IND', 'IL': 'ISR'}
# Our region -> (class keyword, its code).
REGION = {f'AT-{i + 1}': ('prov', p) for i, p in enumerate(['B', 'K', 'N', 'O', 'S', 'ST', 'T', 'V', 'W'])}
REGION.update({f'ES-{a}': ('prov', b) for a, b in {
    'AN': 'AND', 'AR': 'ARG', 'AS': 'AST', 'CB': 'CAN', 'CN': 'ICA', 'CM': 'CAM', 'CL': 'CAL', 'CT': 'CAT', 'VC': 'CVA',
    'EX': 'EXT', 'GA': 'GAL', 'IB': 'IBA', 'MD': 'MAD', 'MC': 'MUR', 'NC': 'NAV', 'PV': 'PVA', 'RI': 'RIO'}.items()})
REGION.update({f'FR-{d}': ('prov', 'Alsace-Moselle') for d in ('57', '67', '68', '6AE')})
LINE = re.compile(r'^  - \{(.*)\}$')
FIELD = re.compile(r'([a-z]+): ("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)')


def read(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = LINE.match(line.rstrip('\n'))
            if not m:
                continue
            e = {k: (v[1:-1].replace('\\"', '"').replace('\\\\', '\\') if v.startswith('"') else v)
                 for k, v in FIELD.findall(m.group(1))}
            out.append(e)
    return out


def allowed(cal, side, date, name):
    for a in ALLOW:
        if a['side'] != side or not re.search(a['cal'], cal):
            continue
        if 'name' in a and not re.search(a['name'], name):
            continue
        if 'years' in a and date.year not in a['years']:
            continue
        if 'dates' in a and date.isoformat() not in a['dates']:
            continue
        if a.get('sunday') and date.weekday() != 6:
            continue
        return a
    return None


def main():
    data = sys.argv[1]
    index = open(os.path.join(data, '..', '..', 'src', 'holiday_calendars.inc'), encoding='utf-8').read()
    national_only = set(re.findall(r'ITIN_CALENDAR\("(..)".*ITIN_REGIONS_NATIONAL', index))
    passed = failed = 0
    used = set()
    for f in sorted(os.listdir(data)):
        if not f.endswith('.yaml'):
            continue
        cc = f[:2]
        cls = getattr(holidays, CLASS.get(cc, cc), None)
        if cls is None:
            print(f'note: python3-holidays has no calendar for {cc}')
            continue
        entries = read(os.path.join(data, f))
        regions = [] if cc in national_only else sorted({e['region'] for e in entries if 'region' in e})
        for cal in [None] + regions:
            kw = {}
            if cal:
                if cal in REGION:
                    kw = {REGION[cal][0]: REGION[cal][1]}
                elif cal[3:] in (getattr(cls, 'PROVINCES', None) or []):
                    kw = {'prov': cal[3:]}
                else:
                    print(f'note: python3-holidays has no region {cal}')
                    continue
            name = cal or cc
            for y in range(FIRST, LAST + 1):
                lib = {}
                for d, n in sorted(cls(years=y, **kw).items()):
                    if d.year == y:
                        lib.setdefault(d, n)
                ours = {}
                for e in entries:
                    d = datetime.date.fromisoformat(e['date'])
                    if d.year == y and 'workday' not in e and (e.get('country') == cc or (cal and e.get('region') == cal)):
                        ours.setdefault(d, e['name'])
                lines = []
                for d, n in lib.items():
                    if d not in ours:
                        a = allowed(name, 'lib', d, n)
                        if a:
                            used.add(id(a))
                        else:
                            lines.append(f'{name} {y}: missing {d} (python3-holidays: {n})')
                for d, n in ours.items():
                    if d not in lib:
                        a = allowed(name, 'ours', d, n)
                        if a:
                            used.add(id(a))
                        else:
                            lines.append(f'{name} {y}: extra {d} {n} (not a holiday in python3-holidays)')
                if lines:
                    failed += 1
                    print('\n'.join(lines))
                else:
                    passed += 1
    for a in ALLOW:
        if id(a) not in used:
            print(f"note: allow rule not needed: {a['cal']} {a['side']} {a.get('name', a.get('dates'))} ({a['reason']})")
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
