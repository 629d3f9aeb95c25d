#!/usr/bin/env python3
"""Write the bundled holiday calendars: data/holidays/<CC>.yaml for every
country and src/holiday_calendars.inc, the index the library compiles in.

    python3 scripts/holidays/generate.py [OUTDIR]

Rule-based holidays (fixed dates, Easter and Orthodox Easter, nth weekdays,
substitute-day rules) are computed here; lunar and announced ones (Chinese
New Year, Tết, Chuseok, Eid, Diwali, the State Council's arrangements ...)
come from the tables in tables.py, each with its source. The output is
committed; tests/holidays/check_generated.sh runs this script again and
requires identical files (docs/holidays.md says why). Standard library only.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables as T  # noqa: E402

FIRST, LAST = 2022, 2035
YEARS = range(FIRST, LAST + 1)
D = datetime.date
ONE = datetime.timedelta(days=1)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WD = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']


def days(n):
    return datetime.timedelta(days=n)


def easter(y):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return D(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)


def orthodox_easter(y):
    """Orthodox Easter Sunday: the Julian computus, as a Gregorian date (1900-2099: +13 days)."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = (d + e + 114) // 31, (d + e + 114) % 31 + 1
    return D(y, month, day) + days(13)


def nth(y, m, wd, n):
    """The n-th weekday wd of a month (n = -1: the last)."""
    if n > 0:
        first = D(y, m, 1)
        return first + days((wd - first.weekday()) % 7 + 7 * (n - 1))
    last = D(y + (m == 12), m % 12 + 1, 1) - ONE
    return last - days((last.weekday() - wd) % 7)


def on_or_after(d, wd):
    return d + days((wd - d.weekday()) % 7)


def on_or_before(d, wd):
    return d - days((d.weekday() - wd) % 7)


def md(y, s):
    """'MMDD' of year y as a date."""
    return D(y, int(s[:2]), int(s[2:]))


class Cal:
    """One country's calendar: entries (date, scope, name, local, extra)."""

    def __init__(self, cc, lang, title, regions='none', announced=LAST, local_names=False):
        self.cc, self.lang, self.title = cc, lang, title
        self.regions = regions  # none | all | national (see docs/holidays.md)
        self.announced = announced  # last year whose announced dates are known
        self.local_names = local_names  # `name` is the local name, `en` the English one
        self.entries = []

    def add(self, d, en, local=None, regions=None, workday=None, estimated=False):
        if d.year < FIRST or d.year > LAST:
            return
        for r in regions or [None]:
            scope = r if r is None else (r if '-' in r else f'{self.cc}-{r}')
            self.entries.append((d, scope, en, local, workday, estimated))

    def fixed(self, m, day, en, local=None, regions=None, years=YEARS):
        for y in years:
            self.add(D(y, m, day), en, local, regions)

    def rel(self, base, off, en, local=None, regions=None, years=YEARS):
        for y in years:
            self.add(base(y) + days(off), en, local, regions)

    def collapse(self, regions):
        """A day that every region has, under one name, becomes a national one."""
        want = {f'{self.cc}-{r}' for r in regions}
        by = {}
        for e in self.entries:
            if e[1] is not None:
                by.setdefault((e[0], e[2], e[3], e[4], e[5]), set()).add(e[1])
        full = {k for k, v in by.items() if v == want}
        out = [e for e in self.entries if e[1] is None or (e[0], e[2], e[3], e[4], e[5]) not in full]
        out += [(k[0], None, k[1], k[2], k[3], k[4]) for k in full]
        self.entries = out

    def has(self, d, scope=None):
        return any(e[0] == d and e[1] == scope and not e[4] for e in self.entries)


# ------------------------------------------------------------- Europe

def germany():
    c = Cal('DE', 'de', 'Germany', regions='all', local_names=True)
    E = easter
    c.fixed(1, 1, "New Year's Day", 'Neujahr')
    c.fixed(1, 6, 'Epiphany', 'Heilige Drei Könige', ['BW', 'BY', 'ST'])
    c.fixed(3, 8, "International Women's Day", 'Internationaler Frauentag', ['BE'])
    c.fixed(3, 8, "International Women's Day", 'Internationaler Frauentag', ['MV'], range(2023, LAST + 1))
    c.rel(E, -2, 'Good Friday', 'Karfreitag')
    c.rel(E, 0, 'Easter Sunday', 'Ostersonntag', ['BB', 'HE'])
    c.rel(E, 1, 'Easter Monday', 'Ostermontag')
    c.fixed(5, 1, 'Labour Day', 'Tag der Arbeit')
    c.add(D(2025, 5, 8), '80th anniversary of the liberation from National Socialism',
          '80. Jahrestag der Befreiung', ['BE'])
    c.rel(E, 39, 'Ascension Day', 'Christi Himmelfahrt')
    c.rel(E, 49, 'Whit Sunday', 'Pfingstsonntag', ['BB', 'HE'])
    c.rel(E, 50, 'Whit Monday', 'Pfingstmontag')
    c.rel(E, 60, 'Corpus Christi', 'Fronleichnam', ['BW', 'BY', 'HE', 'NW', 'RP', 'SL'])
    c.add(D(2028, 6, 17), '75th anniversary of the uprising of 17 June 1953',
          '75. Jahrestag des Volksaufstandes in der DDR', ['BE'])
    c.fixed(8, 15, 'Assumption Day', 'Mariä Himmelfahrt', ['BY', 'SL'])
    c.fixed(9, 20, "World Children's Day", 'Weltkindertag', ['TH'])
    c.fixed(10, 3, 'Day of German Unity', 'Tag der Deutschen Einheit')
    c.fixed(10, 31, 'Reformation Day', 'Reformationstag', ['BB', 'HB', 'HH', 'MV', 'NI', 'SH', 'SN', 'ST', 'TH'])
    c.fixed(11, 1, "All Saints' Day", 'Allerheiligen', ['BW', 'BY', 'NW', 'RP', 'SL'])
    for y in YEARS:
        c.add(on_or_before(D(y, 11, 22), WED), 'Day of Repentance and Prayer', 'Buß- und Bettag', ['SN'])
    c.fixed(12, 25, 'Christmas Day', '1. Weihnachtstag')
    c.fixed(12, 26, 'Second Day of Christmas', '2. Weihnachtstag')
    return c


def austria():
    c = Cal('AT', 'de', 'Austria', regions='all')
    E = easter
    c.fixed(1, 1, "New Year's Day", 'Neujahr')
    c.fixed(1, 6, 'Epiphany', 'Heilige Drei Könige')
    c.rel(E, 1, 'Easter Monday', 'Ostermontag')
    c.fixed(5, 1, 'National Holiday (Labour Day)', 'Staatsfeiertag')
    c.rel(E, 39, 'Ascension Day', 'Christi Himmelfahrt')
    c.rel(E, 50, 'Whit Monday', 'Pfingstmontag')
    c.rel(E, 60, 'Corpus Christi', 'Fronleichnam')
    c.fixed(8, 15, 'Assumption Day', 'Mariä Himmelfahrt')
    c.fixed(10, 26, 'National Day', 'Nationalfeiertag')
    c.fixed(11, 1, "All Saints' Day", 'Allerheiligen')
    c.fixed(12, 8, 'Immaculate Conception', 'Mariä Empfängnis')
    c.fixed(12, 25, 'Christmas Day', 'Christtag')
    c.fixed(12, 26, "St Stephen's Day", 'Stefanitag')
    # Patron saints' days of the Länder: Land offices and schools close.
    c.fixed(11, 11, "St Martin's Day (Land holiday)", 'Martinstag (Landesfeiertag)', ['1'])
    c.fixed(3, 19, "St Joseph's Day (Land holiday)", 'Josefstag (Landesfeiertag)', ['2', '6', '7', '8'])
    c.fixed(10, 10, 'Plebiscite Day (Land holiday)', 'Tag der Volksabstimmung (Landesfeiertag)', ['2'])
    c.fixed(11, 15, "St Leopold's Day (Land holiday)", 'Leopolditag (Landesfeiertag)', ['3', '9'])
    c.fixed(5, 4, "St Florian's Day (Land holiday)", 'Florianitag (Landesfeiertag)', ['4'])
    c.fixed(9, 24, "St Rupert's Day (Land holiday)", 'Rupertitag (Landesfeiertag)', ['5'])
    return c


def switzerland():
    c = Cal('CH', 'de', 'Switzerland', regions='all')
    E = easter
    ALL = ['AG', 'AI', 'AR', 'BE', 'BL', 'BS', 'FR', 'GE', 'GL', 'GR', 'JU', 'LU', 'NE', 'NW', 'OW', 'SG',
           'SH', 'SO', 'SZ', 'TG', 'TI', 'UR', 'VD', 'VS', 'ZG', 'ZH']

    def but(*xs):
        return [k for k in ALL if k not in xs]
    c.fixed(1, 1, "New Year's Day", 'Neujahr')
    c.fixed(1, 2, "St Berchtold's Day", 'Berchtoldstag',
            ['AG', 'BE', 'FR', 'GL', 'JU', 'LU', 'NE', 'OW', 'SH', 'SO', 'TG', 'VD', 'ZG', 'ZH'])
    c.fixed(1, 6, 'Epiphany', 'Heilige Drei Könige', ['SZ', 'TI', 'UR'])
    c.fixed(3, 1, 'Republic Day', 'Instauration de la République', ['NE'])
    c.fixed(3, 19, "St Joseph's Day", 'Josefstag', ['NW', 'SZ', 'TI', 'UR', 'VS'])
    c.rel(E, -2, 'Good Friday', 'Karfreitag', but('TI', 'VS'))
    c.rel(E, 1, 'Easter Monday', 'Ostermontag', but('VS'))
    for y in YEARS:
        d = on_or_after(D(y, 4, 1), THU)  # a week later when it is Maundy Thursday
        c.add(d + days(7) if d == easter(y) - days(3) else d, 'Näfels Procession', 'Näfelser Fahrt', ['GL'])
    c.fixed(5, 1, 'Labour Day', 'Tag der Arbeit', ['BL', 'BS', 'JU', 'NE', 'SH', 'TG', 'TI', 'ZH'])
    c.rel(E, 39, 'Ascension Day', 'Auffahrt')
    c.rel(E, 50, 'Whit Monday', 'Pfingstmontag', but('VS'))
    c.rel(E, 60, 'Corpus Christi', 'Fronleichnam',
          ['AG', 'AI', 'FR', 'JU', 'LU', 'NW', 'OW', 'SZ', 'TI', 'UR', 'VS', 'ZG'])
    c.fixed(6, 23, 'Independence Day', 'Commémoration du plébiscite jurassien', ['JU'])
    c.fixed(6, 29, "St Peter and St Paul's Day", 'San Pietro e Paolo', ['TI'])
    c.fixed(8, 1, 'Swiss National Day', 'Bundesfeiertag')
    c.fixed(8, 15, 'Assumption Day', 'Mariä Himmelfahrt',
            ['AG', 'AI', 'FR', 'JU', 'LU', 'NW', 'OW', 'SZ', 'TI', 'UR', 'VS', 'ZG'])
    for y in YEARS:
        first_sun = on_or_after(D(y, 9, 1), SUN)
        c.add(first_sun + days(4), 'Genevan Fast', 'Jeûne genevois', ['GE'])
        c.add(first_sun + days(15), 'Federal Fast Monday', 'Lundi du Jeûne fédéral', ['VD'])
    c.fixed(9, 22, "St Maurice's Day", 'Mauritiustag', ['AI'])
    c.fixed(9, 25, "St Nicholas of Flüe's Day", 'Bruder-Klausen-Fest', ['OW'])
    c.fixed(11, 1, "All Saints' Day", 'Allerheiligen',
            ['AI', 'FR', 'GL', 'JU', 'LU', 'NW', 'OW', 'SG', 'SZ', 'TI', 'UR', 'VS', 'ZG'])
    c.fixed(12, 8, 'Immaculate Conception', 'Mariä Empfängnis',
            ['AI', 'FR', 'LU', 'NW', 'OW', 'SZ', 'TI', 'UR', 'VS', 'ZG'])
    c.fixed(12, 25, 'Christmas Day', 'Weihnachtstag')
    c.fixed(12, 26, "St Stephen's Day", 'Stephanstag', but('GE', 'JU', 'NE', 'VD', 'VS'))
    c.fixed(12, 31, 'Restoration of the Republic', 'Restauration de la République', ['GE'])
    c.collapse(ALL)
    return c


def spain():
    c = Cal('ES', 'es', 'Spain', regions='all')
    E = easter
    ALL = ['AN', 'AR', 'AS', 'CB', 'CE', 'CL', 'CM', 'CN', 'CT', 'EX', 'GA', 'IB', 'MC', 'MD', 'ML', 'NC',
           'PV', 'RI', 'VC']
    c.fixed(1, 1, "New Year's Day", 'Año Nuevo')
    c.fixed(1, 6, 'Epiphany', 'Epifanía del Señor')
    c.rel(E, -3, 'Maundy Thursday', 'Jueves Santo', [k for k in ALL if k not in ('CT', 'VC')])
    c.rel(E, -2, 'Good Friday', 'Viernes Santo')
    c.rel(E, 1, 'Easter Monday', 'Lunes de Pascua', ['CT', 'IB', 'NC', 'PV', 'VC'])
    c.fixed(5, 1, 'Labour Day', 'Fiesta del Trabajo')
    c.fixed(8, 15, 'Assumption Day', 'Asunción de la Virgen')
    c.fixed(10, 12, 'National Day of Spain', 'Fiesta Nacional de España')
    c.fixed(11, 1, "All Saints' Day", 'Todos los Santos')
    c.fixed(12, 6, 'Constitution Day', 'Día de la Constitución Española')
    c.fixed(12, 8, 'Immaculate Conception', 'Inmaculada Concepción')
    c.fixed(12, 25, 'Christmas Day', 'Natividad del Señor')
    # The communities' own days that recur every year (BOE's annual list).
    c.fixed(2, 28, 'Day of Andalusia', 'Día de Andalucía', ['AN'])
    c.fixed(3, 1, 'Day of the Balearic Islands', 'Dia de les Illes Balears', ['IB'])
    c.fixed(3, 19, "St Joseph's Day", 'San José', ['VC'])
    c.fixed(4, 23, "St George's Day (Aragon Day)", 'San Jorge', ['AR'])
    c.fixed(4, 23, 'Day of Castile and León', 'Fiesta de Castilla y León', ['CL'])
    c.fixed(5, 2, 'Day of the Community of Madrid', 'Fiesta de la Comunidad de Madrid', ['MD'])
    c.fixed(5, 17, 'Galician Literature Day', 'Día das Letras Galegas', ['GA'])
    c.fixed(5, 30, 'Day of the Canary Islands', 'Día de Canarias', ['CN'])
    c.fixed(5, 31, 'Day of Castile-La Mancha', 'Día de Castilla-La Mancha', ['CM'])
    c.fixed(6, 9, 'Day of the Region of Murcia', 'Día de la Región de Murcia', ['MC'])
    c.fixed(6, 9, 'Day of La Rioja', 'Día de La Rioja', ['RI'])
    c.fixed(6, 24, "St John's Day", 'Sant Joan', ['CT'])
    c.fixed(7, 25, "St James's Day (Galician National Day)", 'Día Nacional de Galicia', ['GA'])
    c.fixed(7, 28, 'Day of the Institutions of Cantabria', 'Día de las Instituciones de Cantabria', ['CB'])
    c.fixed(9, 2, 'Day of Ceuta', 'Día de Ceuta', ['CE'])
    c.fixed(9, 8, 'Day of Asturias', 'Día de Asturias', ['AS'])
    c.fixed(9, 8, 'Day of Extremadura', 'Día de Extremadura', ['EX'])
    c.fixed(9, 11, 'National Day of Catalonia', 'Diada Nacional de Catalunya', ['CT'])
    c.fixed(9, 15, 'La Bien Aparecida', 'La Bien Aparecida', ['CB'])
    c.fixed(9, 17, 'Day of Melilla', 'Día de Melilla', ['ML'])
    c.fixed(10, 9, 'Day of the Valencian Community', 'Dia de la Comunitat Valenciana', ['VC'])
    c.fixed(12, 3, "St Francis Xavier's Day", 'San Francisco Javier', ['NC'])
    c.fixed(12, 26, "St Stephen's Day", 'Sant Esteve', ['CT'])
    for y in YEARS:
        for d, est in T.islamic(T.EID_AL_ADHA, y):
            c.add(d, 'Eid al-Adha', 'Fiesta del Sacrificio (Eidul Adha)', ['CE', 'ML'], estimated=est)
    c.collapse(ALL)
    return c


def uk():
    c = Cal('GB', 'en', 'United Kingdom', regions='all')
    ALL = ['ENG', 'NIR', 'SCT', 'WLS']
    EW = ['ENG', 'NIR', 'WLS']
    for y in YEARS:
        e = easter(y)
        taken = set()

        def put(d, en, regs, sub_from=None):
            c.add(d, en, None, regs)
            for r in regs:
                taken.add((d, r))

        def next_free(d, r):
            while d.weekday() >= SAT or (d, r) in taken:
                d += ONE
            return d
        # New Year's Day (and 2 January in Scotland), substitute days for weekends.
        for r in ALL:
            d, d2 = D(y, 1, 1), D(y, 1, 2)
            put(d, "New Year's Day", [r])
            if r == 'SCT':
                put(d2, '2nd January', [r])
            if d.weekday() >= SAT:
                put(next_free(d, r), "New Year's Day (substitute day)", [r])
            if r == 'SCT' and d2.weekday() >= SAT:
                put(next_free(d2, r), '2nd January (substitute day)', [r])
        for r in ['NIR']:
            d = D(y, 3, 17)
            put(d, "St Patrick's Day", [r])
            if d.weekday() >= SAT:
                put(next_free(d, r), "St Patrick's Day (substitute day)", [r])
        put(e - days(2), 'Good Friday', ALL)
        put(e + ONE, 'Easter Monday', EW)
        # Early May bank holiday: moved to 8 May in 2020 only; none moved in 2022-2035.
        put(nth(y, 5, MON, 1), 'Early May bank holiday', ALL)
        if y == 2022:
            put(D(2022, 6, 2), 'Spring bank holiday', ALL)
            put(D(2022, 6, 3), 'Platinum Jubilee bank holiday', ALL)
        else:
            put(nth(y, 5, MON, -1), 'Spring bank holiday', ALL)
        if y == 2023:
            put(D(2023, 5, 8), 'Bank holiday for the coronation of King Charles III', ALL)
        if y == 2022:
            put(D(2022, 9, 19), 'Bank holiday for the State Funeral of Queen Elizabeth II', ALL)
        d = D(y, 7, 12)
        put(d, 'Battle of the Boyne (Orangemen’s Day)', ['NIR'])
        if d.weekday() >= SAT:
            put(next_free(d, 'NIR'), 'Battle of the Boyne (substitute day)', ['NIR'])
        put(nth(y, 8, MON, 1), 'Summer bank holiday', ['SCT'])
        put(nth(y, 8, MON, -1), 'Summer bank holiday', EW)
        d = D(y, 11, 30)
        put(d, "St Andrew's Day", ['SCT'])
        if d.weekday() >= SAT:
            put(next_free(d, 'SCT'), "St Andrew's Day (substitute day)", ['SCT'])
        for r in ALL:
            x25, x26 = D(y, 12, 25), D(y, 12, 26)
            put(x25, 'Christmas Day', [r])
            put(x26, 'Boxing Day', [r])
            if x25.weekday() >= SAT:
                put(next_free(x25, r), 'Christmas Day (substitute day)', [r])
            if x26.weekday() >= SAT:
                put(next_free(x26, r), 'Boxing Day (substitute day)', [r])
    c.collapse(ALL)
    return c


def weekend_substitutes(c, skip=(), sat=True, sun=True, name='{} (substitute day)'):
    """A national holiday on a weekend gives the next working day off."""
    base = sorted((e for e in c.entries if e[1] is None and e[2] not in skip), key=lambda e: e[0])
    taken = {e[0] for e in c.entries if e[1] is None}
    for d, _, en, local, _, est in base:
        if (d.weekday() == SAT and sat) or (d.weekday() == SUN and sun):
            x = d + ONE
            while x.weekday() >= SAT or x in taken:
                x += ONE
            taken.add(x)
            c.add(x, name.format(en), None, estimated=est)


def simple(cc, lang, title, spec, regions='none', announced=LAST):
    """A calendar of fixed dates and days relative to (Orthodox) Easter:
    (month, day, en, local) or ('E'|'O', offset, en, local) entries."""
    c = Cal(cc, lang, title, regions=regions, announced=announced)
    for s in spec:
        if s[0] in ('E', 'O'):
            c.rel(easter if s[0] == 'E' else orthodox_easter, s[1], s[2], s[3])
        else:
            c.fixed(s[0], s[1], s[2], s[3])
    return c


GOOD_FRIDAY = ('E', -2, 'Good Friday', None)
EASTER = ('E', 0, 'Easter Sunday', None)
EASTER_MONDAY = ('E', 1, 'Easter Monday', None)
ASCENSION = ('E', 39, 'Ascension Day', None)
WHIT_SUNDAY = ('E', 49, 'Whit Sunday', None)
WHIT_MONDAY = ('E', 50, 'Whit Monday', None)
CORPUS = ('E', 60, 'Corpus Christi', None)


def loc(t, local):
    return t[:3] + (local,)


def belgium():
    return simple('BE', 'fr', 'Belgium', [
        (1, 1, "New Year's Day", 'Nouvel An'), loc(EASTER_MONDAY, 'Lundi de Pâques'),
        (5, 1, 'Labour Day', 'Fête du Travail'), loc(ASCENSION, 'Ascension'),
        loc(WHIT_MONDAY, 'Lundi de Pentecôte'), (7, 21, 'National Day', 'Fête nationale'),
        (8, 15, 'Assumption Day', 'Assomption'), (11, 1, "All Saints' Day", 'Toussaint'),
        (11, 11, 'Armistice Day', 'Armistice'), (12, 25, 'Christmas Day', 'Noël')])


def bulgaria():
    c = simple('BG', 'bg', 'Bulgaria', [
        (1, 1, "New Year's Day", 'Нова година'), (3, 3, 'Liberation Day', 'Ден на Освобождението'),
        (5, 1, 'Labour Day', 'Ден на труда'), (5, 6, "St George's Day", 'Гергьовден'),
        (5, 24, 'Day of Bulgarian Culture and Literacy', 'Ден на българската просвета и култура'),
        (9, 6, 'Unification Day', 'Ден на Съединението'), (9, 22, 'Independence Day', 'Ден на Независимостта'),
        (12, 24, 'Christmas Eve', 'Бъдни вечер'), (12, 25, 'Christmas Day', 'Рождество Христово'),
        (12, 26, 'Second Day of Christmas', 'Рождество Христово')])
    weekend_substitutes(c)  # Labour Code art. 154(2); the Easter days have none
    for off, en, local in ((-2, 'Orthodox Good Friday', 'Разпети петък'), (-1, 'Orthodox Holy Saturday', 'Велика събота'),
                           (0, 'Orthodox Easter Sunday', 'Великден'), (1, 'Orthodox Easter Monday', 'Великден')):
        c.rel(orthodox_easter, off, en, local)
    return c


def croatia():
    return simple('HR', 'hr', 'Croatia', [
        (1, 1, "New Year's Day", 'Nova godina'), (1, 6, 'Epiphany', 'Bogojavljenje ili Sveta tri kralja'),
        loc(EASTER, 'Uskrs'), loc(EASTER_MONDAY, 'Uskrsni ponedjeljak'), (5, 1, 'Labour Day', 'Praznik rada'),
        (5, 30, 'Statehood Day', 'Dan državnosti'), loc(CORPUS, 'Tijelovo'),
        (6, 22, 'Anti-Fascist Struggle Day', 'Dan antifašističke borbe'),
        (8, 5, 'Victory and Homeland Thanksgiving Day', 'Dan pobjede i domovinske zahvalnosti'),
        (8, 15, 'Assumption Day', 'Velika Gospa'), (11, 1, "All Saints' Day", 'Svi sveti'),
        (11, 18, 'Remembrance Day', 'Dan sjećanja na žrtve Domovinskog rata'),
        (12, 25, 'Christmas Day', 'Božić'), (12, 26, "St Stephen's Day", 'Sveti Stjepan')])


def cyprus():
    return simple('CY', 'el', 'Cyprus', [
        (1, 1, "New Year's Day", 'Πρωτοχρονιά'), (1, 6, 'Epiphany', 'Θεοφάνεια'),
        ('O', -48, 'Clean Monday', 'Καθαρά Δευτέρα'), (3, 25, 'Greek Independence Day', 'Ευαγγελισμός της Θεοτόκου'),
        (4, 1, 'Cyprus National Day', 'Εθνική Επέτειος ΕΟΚΑ'), (5, 1, 'Labour Day', 'Πρωτομαγιά'),
        ('O', -2, 'Orthodox Good Friday', 'Μεγάλη Παρασκευή'), ('O', 0, 'Orthodox Easter Sunday', 'Κυριακή του Πάσχα'),
        ('O', 1, 'Orthodox Easter Monday', 'Δευτέρα της Διακαινησίμου'),
        ('O', 2, 'Orthodox Easter Tuesday', 'Τρίτη της Διακαινησίμου'),
        ('O', 50, 'Orthodox Whit Monday (Kataklysmos)', 'Αγίου Πνεύματος (Κατακλυσμός)'),
        (8, 15, 'Assumption Day', 'Κοίμηση της Θεοτόκου'), (10, 1, 'Cyprus Independence Day', 'Ημέρα της Κυπριακής Ανεξαρτησίας'),
        (10, 28, 'Ochi Day', 'Επέτειος του Όχι'), (12, 24, 'Christmas Eve', 'Παραμονή Χριστουγέννων'),
        (12, 25, 'Christmas Day', 'Χριστούγεννα'), (12, 26, 'Second Day of Christmas', 'Επομένη Χριστουγέννων')])


def czechia():
    return simple('CZ', 'cs', 'Czechia', [
        (1, 1, "New Year's Day and Restoration Day", 'Nový rok a Den obnovy samostatného českého státu'),
        loc(GOOD_FRIDAY, 'Velký pátek'), loc(EASTER_MONDAY, 'Velikonoční pondělí'), (5, 1, 'Labour Day', 'Svátek práce'),
        (5, 8, 'Liberation Day', 'Den vítězství'), (7, 5, "St Cyril and St Methodius Day", 'Den slovanských věrozvěstů Cyrila a Metoděje'),
        (7, 6, 'Jan Hus Day', 'Den upálení mistra Jana Husa'), (9, 28, 'Czech Statehood Day', 'Den české státnosti'),
        (10, 28, 'Independent Czechoslovak State Day', 'Den vzniku samostatného československého státu'),
        (11, 17, 'Struggle for Freedom and Democracy Day', 'Den boje za svobodu a demokracii'),
        (12, 24, 'Christmas Eve', 'Štědrý den'), (12, 25, 'Christmas Day', '1. svátek vánoční'),
        (12, 26, "St Stephen's Day", '2. svátek vánoční')])


def denmark():
    c = simple('DK', 'da', 'Denmark', [
        (1, 1, "New Year's Day", 'Nytårsdag'), ('E', -3, 'Maundy Thursday', 'Skærtorsdag'),
        loc(GOOD_FRIDAY, 'Langfredag'), loc(EASTER, 'Påskedag'), loc(EASTER_MONDAY, 'Anden påskedag'),
        loc(ASCENSION, 'Kristi himmelfartsdag'), loc(WHIT_SUNDAY, 'Pinsedag'), loc(WHIT_MONDAY, 'Anden pinsedag'),
        (6, 5, 'Constitution Day', 'Grundlovsdag'), (12, 24, 'Christmas Eve', 'Juleaftensdag'),
        (12, 25, 'Christmas Day', 'Juledag'), (12, 26, 'Second Day of Christmas', 'Anden juledag')])
    c.rel(easter, 26, 'Great Prayer Day', 'Store bededag', years=range(FIRST, 2024))  # abolished from 2024
    return c


def estonia():
    return simple('EE', 'et', 'Estonia', [
        (1, 1, "New Year's Day", 'Uusaasta'), (2, 24, 'Independence Day', 'Iseseisvuspäev'),
        loc(GOOD_FRIDAY, 'Suur reede'), loc(EASTER, 'Ülestõusmispühade 1. püha'), (5, 1, 'Spring Day', 'Kevadpüha'),
        loc(WHIT_SUNDAY, 'Nelipühade 1. püha'), (6, 23, 'Victory Day', 'Võidupüha'), (6, 24, 'Midsummer Day', 'Jaanipäev'),
        (8, 20, 'Restoration of Independence Day', 'Taasiseseisvumispäev'), (12, 24, 'Christmas Eve', 'Jõululaupäev'),
        (12, 25, 'Christmas Day', 'Esimene jõulupüha'), (12, 26, 'Second Day of Christmas', 'Teine jõulupüha')])


def finland():
    c = simple('FI', 'fi', 'Finland', [
        (1, 1, "New Year's Day", 'Uudenvuodenpäivä'), (1, 6, 'Epiphany', 'Loppiainen'),
        loc(GOOD_FRIDAY, 'Pitkäperjantai'), loc(EASTER, 'Pääsiäispäivä'), loc(EASTER_MONDAY, '2. pääsiäispäivä'),
        (5, 1, 'May Day', 'Vappu'), loc(ASCENSION, 'Helatorstai'), loc(WHIT_SUNDAY, 'Helluntaipäivä'),
        (12, 6, 'Independence Day', 'Itsenäisyyspäivä'), (12, 24, 'Christmas Eve', 'Jouluaatto'),
        (12, 25, 'Christmas Day', 'Joulupäivä'), (12, 26, "St Stephen's Day", 'Tapaninpäivä')])
    for y in YEARS:
        c.add(on_or_after(D(y, 6, 19), FRI), 'Midsummer Eve', 'Juhannusaatto')
        c.add(on_or_after(D(y, 6, 20), SAT), 'Midsummer Day', 'Juhannuspäivä')
        c.add(on_or_after(D(y, 10, 31), SAT), "All Saints' Day", 'Pyhäinpäivä')
    return c


def france():
    c = simple('FR', 'fr', 'France', [
        (1, 1, "New Year's Day", 'Jour de l’an'), loc(EASTER_MONDAY, 'Lundi de Pâques'),
        (5, 1, 'Labour Day', 'Fête du Travail'), (5, 8, 'Victory in Europe Day', 'Victoire 1945'),
        loc(ASCENSION, 'Ascension'), loc(WHIT_MONDAY, 'Lundi de Pentecôte'), (7, 14, 'Bastille Day', 'Fête nationale'),
        (8, 15, 'Assumption Day', 'Assomption'), (11, 1, "All Saints' Day", 'Toussaint'),
        (11, 11, 'Armistice Day', 'Armistice 1918'), (12, 25, 'Christmas Day', 'Noël')])
    AM = ['57', '67', '68', '6AE']  # Alsace-Moselle: Moselle, Bas-Rhin, Haut-Rhin, the Alsace collectivity
    c.rel(easter, -2, 'Good Friday (Alsace-Moselle)', 'Vendredi saint', AM)
    c.fixed(12, 26, "St Stephen's Day (Alsace-Moselle)", 'Saint-Étienne', AM)
    return c


def greece():
    c = simple('GR', 'el', 'Greece', [
        (1, 1, "New Year's Day", 'Πρωτοχρονιά'), (1, 6, 'Epiphany', 'Θεοφάνεια'),
        ('O', -48, 'Clean Monday', 'Καθαρά Δευτέρα'), (3, 25, 'Independence Day', 'Ευαγγελισμός της Θεοτόκου'),
        ('O', -2, 'Orthodox Good Friday', 'Μεγάλη Παρασκευή'), ('O', 0, 'Orthodox Easter Sunday', 'Κυριακή του Πάσχα'),
        ('O', 1, 'Orthodox Easter Monday', 'Δευτέρα του Πάσχα'),
        ('O', 50, 'Orthodox Whit Monday', 'Αγίου Πνεύματος'), (8, 15, 'Assumption Day', 'Κοίμηση της Θεοτόκου'),
        (10, 28, 'Ochi Day', 'Επέτειος του Όχι'), (12, 25, 'Christmas Day', 'Χριστούγεννα'),
        (12, 26, 'Synaxis of the Mother of God', 'Σύναξη της Υπεραγίας Θεοτόκου')])
    for y in YEARS:
        # Labour Day moves when it falls in Holy Week or on Easter Monday (by
        # ministerial decision: 2024 to 7 May); on a Saturday it stays.
        d = D(y, 5, 1)
        c.add(D(2024, 5, 7) if y == 2024 else d, 'Labour Day', 'Εργατική Πρωτομαγιά')
    return c


def hungary():
    c = simple('HU', 'hu', 'Hungary', announced=2026, spec=[
        (1, 1, "New Year's Day", 'Újév'), (3, 15, 'National Day (1848 Revolution)', 'Nemzeti ünnep'),
        loc(GOOD_FRIDAY, 'Nagypéntek'), loc(EASTER, 'Húsvétvasárnap'), loc(EASTER_MONDAY, 'Húsvéthétfő'),
        (5, 1, 'Labour Day', 'A munka ünnepe'), loc(WHIT_SUNDAY, 'Pünkösdvasárnap'), loc(WHIT_MONDAY, 'Pünkösdhétfő'),
        (8, 20, "St Stephen's Day", 'Az államalapítás ünnepe'), (10, 23, 'National Day (1956 Revolution)', 'Nemzeti ünnep'),
        (11, 1, "All Saints' Day", 'Mindenszentek'), (12, 25, 'Christmas Day', 'Karácsony'),
        (12, 26, 'Second Day of Christmas', 'Karácsony másnapja')])
    # Bridge days and the Saturdays worked for them (NGM decrees, one a year).
    for d, work in T.HU_BRIDGES:
        c.add(d, 'Bridge day', 'Pihenőnap (munkanap-áthelyezés)')
        c.add(work, 'Working Saturday (for the bridge day ' + d.isoformat() + ')', 'Áthelyezett munkanap',
              workday=WD[d.weekday()])
    return c


def ireland():
    c = simple('IE', 'ga', 'Ireland', [
        (1, 1, "New Year's Day", 'Lá Caille'), (3, 17, "St Patrick's Day", 'Lá Fhéile Pádraig'),
        loc(EASTER_MONDAY, 'Luan Cásca'), (12, 25, 'Christmas Day', 'Lá Nollag'),
        (12, 26, "St Stephen's Day", 'Lá Fhéile Stiofáin')])
    for y in YEARS:
        if y == 2022:
            c.add(D(2022, 3, 18), 'Day of remembrance and recognition', 'Lá Cuimhneacháin')
        if y >= 2023:
            f1 = D(y, 2, 1)
            c.add(f1 if f1.weekday() == FRI else nth(y, 2, MON, 1), "St Brigid's Day", 'Lá Fhéile Bríde')
        c.add(nth(y, 5, MON, 1), 'May bank holiday', 'Lá Bealtaine')
        c.add(nth(y, 6, MON, 1), 'June bank holiday', 'Lá Saoire i mí an Mheithimh')
        c.add(nth(y, 8, MON, 1), 'August bank holiday', 'Lá Saoire i mí Lúnasa')
        c.add(nth(y, 10, MON, -1), 'October bank holiday', 'Lá Saoire i mí Dheireadh Fómhair')
    weekend_substitutes(c)
    return c


def italy():
    c = simple('IT', 'it', 'Italy', [
        (1, 1, "New Year's Day", 'Capodanno'), (1, 6, 'Epiphany', 'Epifania'), loc(EASTER, 'Pasqua'),
        loc(EASTER_MONDAY, 'Lunedì dell’Angelo'), (4, 25, 'Liberation Day', 'Festa della Liberazione'),
        (5, 1, 'Labour Day', 'Festa del Lavoro'), (6, 2, 'Republic Day', 'Festa della Repubblica'),
        (8, 15, 'Assumption Day', 'Ferragosto'), (11, 1, "All Saints' Day", 'Ognissanti'),
        (12, 8, 'Immaculate Conception', 'Immacolata Concezione'), (12, 25, 'Christmas Day', 'Natale'),
        (12, 26, "St Stephen's Day", 'Santo Stefano')], regions='national')
    # 4 October, St Francis of Assisi, a national holiday again from 2026 (law of October 2025).
    c.fixed(10, 4, "St Francis of Assisi's Day", 'San Francesco d’Assisi', years=range(2026, LAST + 1))
    return c


def latvia():
    c = simple('LV', 'lv', 'Latvia', [
        (1, 1, "New Year's Day", 'Jaungada diena'), loc(GOOD_FRIDAY, 'Lielā Piektdiena'), loc(EASTER, 'Lieldienas'),
        loc(EASTER_MONDAY, 'Otrās Lieldienas'), (5, 1, 'Labour Day', 'Darba svētki'),
        (5, 4, 'Restoration of Independence Day', 'Latvijas Republikas Neatkarības atjaunošanas diena'),
        (6, 23, 'Midsummer Eve', 'Līgo diena'), (6, 24, 'Midsummer Day', 'Jāņu diena'),
        (11, 18, 'Proclamation Day', 'Latvijas Republikas proklamēšanas diena'),
        (12, 24, 'Christmas Eve', 'Ziemassvētku vakars'), (12, 25, 'Christmas Day', 'Pirmie Ziemassvētki'),
        (12, 26, 'Second Day of Christmas', 'Otrie Ziemassvētki'), (12, 31, "New Year's Eve", 'Vecgada vakars')])
    for y in YEARS:  # 4 May and 18 November on a weekend: the next Monday
        for m, d, en in ((5, 4, 'Restoration of Independence Day'), (11, 18, 'Proclamation Day')):
            x = D(y, m, d)
            if x.weekday() >= SAT:
                c.add(on_or_after(x, MON), en + ' (substitute day)', None)
    c.add(D(2023, 5, 29), 'Ice hockey bronze medal day', 'Hokeja bronzas diena')
    return c


def lithuania():
    c = simple('LT', 'lt', 'Lithuania', [
        (1, 1, "New Year's Day", 'Naujieji metai'), (2, 16, 'Restoration of the State Day', 'Lietuvos valstybės atkūrimo diena'),
        (3, 11, 'Restoration of Independence Day', 'Lietuvos nepriklausomybės atkūrimo diena'),
        loc(EASTER, 'Velykos'), loc(EASTER_MONDAY, 'Antroji Velykų diena'), (5, 1, 'Labour Day', 'Tarptautinė darbo diena'),
        (6, 24, "St John's Day", 'Rasos ir Joninių diena'), (7, 6, 'Statehood Day', 'Valstybės diena'),
        (8, 15, 'Assumption Day', 'Žolinė'), (11, 1, "All Saints' Day", 'Visų šventųjų diena'),
        (11, 2, "All Souls' Day", 'Mirusiųjų atminimo diena'), (12, 24, 'Christmas Eve', 'Kūčios'),
        (12, 25, 'Christmas Day', 'Kalėdos'), (12, 26, 'Second Day of Christmas', 'Antroji Kalėdų diena')])
    return c


def luxembourg():
    return simple('LU', 'fr', 'Luxembourg', [
        (1, 1, "New Year's Day", 'Nouvel An'), loc(EASTER_MONDAY, 'Lundi de Pâques'), (5, 1, 'Labour Day', 'Fête du Travail'),
        (5, 9, 'Europe Day', 'Journée de l’Europe'), loc(ASCENSION, 'Ascension'), loc(WHIT_MONDAY, 'Lundi de Pentecôte'),
        (6, 23, 'National Day', 'Fête nationale'), (8, 15, 'Assumption Day', 'Assomption'),
        (11, 1, "All Saints' Day", 'Toussaint'), (12, 25, 'Christmas Day', 'Noël'),
        (12, 26, "St Stephen's Day", 'Deuxième jour de Noël')])


def malta():
    return simple('MT', 'mt', 'Malta', [
        (1, 1, "New Year's Day", 'L-Ewwel tas-Sena'), (2, 10, "Feast of St Paul's Shipwreck", 'In-Nawfraġju ta’ San Pawl'),
        (3, 19, "St Joseph's Day", 'San Ġużepp'), loc(GOOD_FRIDAY, 'Il-Ġimgħa l-Kbira'), (3, 31, 'Freedom Day', 'Jum il-Ħelsien'),
        (5, 1, "Workers' Day", 'Jum il-Ħaddiem'), (6, 7, 'Sette Giugno', 'Sette Giugno'),
        (6, 29, "St Peter and St Paul's Day", 'L-Imnarja'), (8, 15, 'Assumption Day', 'Santa Marija'),
        (9, 8, 'Victory Day', 'Jum il-Vitorja'), (9, 21, 'Independence Day', 'Jum l-Indipendenza'),
        (12, 8, 'Immaculate Conception', 'Il-Kunċizzjoni'), (12, 13, 'Republic Day', 'Jum ir-Repubblika'),
        (12, 25, 'Christmas Day', 'Il-Milied')])


def netherlands():
    c = simple('NL', 'nl', 'Netherlands', [
        (1, 1, "New Year's Day", 'Nieuwjaarsdag'), loc(EASTER, 'Eerste paasdag'),
        loc(EASTER_MONDAY, 'Tweede paasdag'), loc(ASCENSION, 'Hemelvaartsdag'), loc(WHIT_SUNDAY, 'Eerste pinksterdag'),
        loc(WHIT_MONDAY, 'Tweede pinksterdag'), (12, 25, 'Christmas Day', 'Eerste kerstdag'),
        (12, 26, 'Second Day of Christmas', 'Tweede kerstdag')])
    for y in YEARS:
        d = D(y, 4, 27)
        c.add(d - ONE if d.weekday() == SUN else d, "King's Day", 'Koningsdag')
        if y % 5 == 0:
            c.add(D(y, 5, 5), 'Liberation Day', 'Bevrijdingsdag')
    return c


def poland():
    c = simple('PL', 'pl', 'Poland', [
        (1, 1, "New Year's Day", 'Nowy Rok'), (1, 6, 'Epiphany', 'Święto Trzech Króli'),
        loc(EASTER, 'Wielkanoc'), loc(EASTER_MONDAY, 'Poniedziałek Wielkanocny'), (5, 1, 'Labour Day', 'Święto Pracy'),
        (5, 3, 'Constitution Day', 'Święto Narodowe Trzeciego Maja'), loc(WHIT_SUNDAY, 'Zielone Świątki'),
        loc(CORPUS, 'Boże Ciało'), (8, 15, 'Assumption Day', 'Wniebowzięcie Najświętszej Maryi Panny'),
        (11, 1, "All Saints' Day", 'Wszystkich Świętych'), (11, 11, 'Independence Day', 'Narodowe Święto Niepodległości'),
        (12, 25, 'Christmas Day', 'Boże Narodzenie (pierwszy dzień)'),
        (12, 26, 'Second Day of Christmas', 'Boże Narodzenie (drugi dzień)')])
    c.fixed(12, 24, 'Christmas Eve', 'Wigilia Bożego Narodzenia', years=range(2025, LAST + 1))
    return c


def portugal():
    return simple('PT', 'pt', 'Portugal', [
        (1, 1, "New Year's Day", 'Ano Novo'), loc(GOOD_FRIDAY, 'Sexta-feira Santa'), loc(EASTER, 'Páscoa'),
        (4, 25, 'Freedom Day', 'Dia da Liberdade'), (5, 1, 'Labour Day', 'Dia do Trabalhador'),
        loc(CORPUS, 'Corpo de Deus'), (6, 10, 'Portugal Day', 'Dia de Portugal, de Camões e das Comunidades Portuguesas'),
        (8, 15, 'Assumption Day', 'Assunção de Nossa Senhora'), (10, 5, 'Republic Day', 'Implantação da República'),
        (11, 1, "All Saints' Day", 'Dia de Todos os Santos'), (12, 1, 'Restoration of Independence', 'Restauração da Independência'),
        (12, 8, 'Immaculate Conception', 'Imaculada Conceição'), (12, 25, 'Christmas Day', 'Natal')])


def romania():
    c = simple('RO', 'ro', 'Romania', [
        (1, 1, "New Year's Day", 'Anul Nou'), (1, 2, "Day after New Year's Day", 'A doua zi de Anul Nou'),
        (1, 24, 'Union Day', 'Ziua Unirii Principatelor Române'), (5, 1, 'Labour Day', 'Ziua Muncii'),
        ('O', -2, 'Orthodox Good Friday', 'Vinerea Mare'), ('O', 0, 'Orthodox Easter Sunday', 'Paștele'),
        ('O', 1, 'Orthodox Easter Monday', 'A doua zi de Paște'), (6, 1, "Children's Day", 'Ziua Copilului'),
        ('O', 49, 'Orthodox Whit Sunday', 'Rusaliile'), ('O', 50, 'Orthodox Whit Monday', 'A doua zi de Rusalii'),
        (8, 15, 'Assumption Day', 'Adormirea Maicii Domnului'), (11, 30, "St Andrew's Day", 'Sfântul Andrei'),
        (12, 1, 'National Day', 'Ziua Națională'), (12, 25, 'Christmas Day', 'Crăciunul'),
        (12, 26, 'Second Day of Christmas', 'A doua zi de Crăciun')])
    c.fixed(1, 6, 'Epiphany', 'Bobotează', years=range(2024, LAST + 1))
    c.fixed(1, 7, 'Synaxis of St John the Baptist', 'Sfântul Ioan Botezătorul', years=range(2024, LAST + 1))
    return c


def slovakia():
    c = simple('SK', 'sk', 'Slovakia', [
        (1, 1, 'Republic Day', 'Deň vzniku Slovenskej republiky'), (1, 6, 'Epiphany', 'Zjavenie Pána'),
        loc(GOOD_FRIDAY, 'Veľký piatok'), loc(EASTER_MONDAY, 'Veľkonočný pondelok'), (5, 1, 'Labour Day', 'Sviatok práce'),
        (7, 5, "St Cyril and St Methodius Day", 'Sviatok svätého Cyrila a svätého Metoda'),
        (8, 29, 'Slovak National Uprising Day', 'Výročie Slovenského národného povstania'),
        (11, 1, "All Saints' Day", 'Sviatok všetkých svätých'), (12, 24, 'Christmas Eve', 'Štedrý deň'),
        (12, 25, 'Christmas Day', 'Prvý sviatok vianočný'), (12, 26, 'Second Day of Christmas', 'Druhý sviatok vianočný')])
    # Consolidation act 2024: 1 September and (from 2025) 8 May and 15 September are no longer days off.
    c.fixed(5, 8, 'Victory over Fascism Day', 'Deň víťazstva nad fašizmom', years=range(FIRST, 2025))
    c.fixed(9, 1, 'Constitution Day', 'Deň Ústavy Slovenskej republiky', years=range(FIRST, 2024))
    c.fixed(9, 15, 'Our Lady of Sorrows', 'Sedembolestná Panna Mária', years=range(FIRST, 2025))
    c.fixed(11, 17, 'Struggle for Freedom and Democracy Day', 'Deň boja za slobodu a demokraciu', years=range(FIRST, 2025))
    c.add(D(2025, 11, 17), 'Struggle for Freedom and Democracy Day', 'Deň boja za slobodu a demokraciu')
    return c


def slovenia():
    return simple('SI', 'sl', 'Slovenia', [
        (1, 1, "New Year's Day", 'Novo leto'), (1, 2, "New Year's Day (second day)", 'Novo leto'),
        (2, 8, 'Prešeren Day', 'Prešernov dan'), loc(EASTER, 'Velikonočna nedelja'),
        loc(EASTER_MONDAY, 'Velikonočni ponedeljek'), (4, 27, 'Day of Uprising Against Occupation', 'Dan upora proti okupatorju'),
        (5, 1, 'Labour Day', 'Praznik dela'), (5, 2, 'Labour Day (second day)', 'Praznik dela'),
        loc(WHIT_SUNDAY, 'Binkošti'), (6, 25, 'Statehood Day', 'Dan državnosti'),
        (8, 15, 'Assumption Day', 'Marijino vnebovzetje'), (10, 31, 'Reformation Day', 'Dan reformacije'),
        (11, 1, 'Remembrance Day', 'Dan spomina na mrtve'), (12, 25, 'Christmas Day', 'Božič'),
        (12, 26, 'Independence and Unity Day', 'Dan samostojnosti in enotnosti')])


def sweden():
    c = simple('SE', 'sv', 'Sweden', [
        (1, 1, "New Year's Day", 'Nyårsdagen'), (1, 6, 'Epiphany', 'Trettondedag jul'),
        loc(GOOD_FRIDAY, 'Långfredagen'), loc(EASTER, 'Påskdagen'), loc(EASTER_MONDAY, 'Annandag påsk'),
        (5, 1, 'May Day', 'Första maj'), loc(ASCENSION, 'Kristi himmelsfärdsdag'), loc(WHIT_SUNDAY, 'Pingstdagen'),
        (6, 6, 'National Day', 'Sveriges nationaldag'), (12, 24, 'Christmas Eve', 'Julafton'),
        (12, 25, 'Christmas Day', 'Juldagen'), (12, 26, 'Second Day of Christmas', 'Annandag jul'),
        (12, 31, "New Year's Eve", 'Nyårsafton')])
    for y in YEARS:
        c.add(on_or_after(D(y, 6, 19), FRI), 'Midsummer Eve', 'Midsommarafton')
        c.add(on_or_after(D(y, 6, 20), SAT), 'Midsummer Day', 'Midsommardagen')
        c.add(on_or_after(D(y, 10, 31), SAT), "All Saints' Day", 'Alla helgons dag')
    return c


def norway():
    return simple('NO', 'nb', 'Norway', [
        (1, 1, "New Year's Day", 'Første nyttårsdag'), ('E', -3, 'Maundy Thursday', 'Skjærtorsdag'),
        loc(GOOD_FRIDAY, 'Langfredag'), loc(EASTER, 'Første påskedag'), loc(EASTER_MONDAY, 'Andre påskedag'),
        (5, 1, 'Labour Day', 'Arbeidernes dag'), (5, 17, 'Constitution Day', 'Grunnlovsdag'),
        loc(ASCENSION, 'Kristi himmelfartsdag'), loc(WHIT_SUNDAY, 'Første pinsedag'), loc(WHIT_MONDAY, 'Andre pinsedag'),
        (12, 25, 'Christmas Day', 'Første juledag'), (12, 26, 'Second Day of Christmas', 'Andre juledag')])


# ------------------------------------------------------------- the Americas

def observed_us(c, d, en):
    """5 U.S.C. 6103(b): Saturday -> the Friday before, Sunday -> the Monday after."""
    c.add(d, en)
    if d.weekday() == SAT:
        c.add(d - ONE, en + ' (observed)')
    elif d.weekday() == SUN:
        c.add(d + ONE, en + ' (observed)')


def usa():
    c = Cal('US', 'en', 'United States', regions='national')
    for y in list(YEARS) + [LAST + 1]:
        observed_us(c, D(y, 1, 1), "New Year's Day")  # 1 Jan on a Saturday: 31 Dec before
        if y > LAST:
            break
        c.add(nth(y, 1, MON, 3), 'Birthday of Martin Luther King, Jr.')
        c.add(nth(y, 2, MON, 3), "Washington's Birthday")
        c.add(nth(y, 5, MON, -1), 'Memorial Day')
        observed_us(c, D(y, 6, 19), 'Juneteenth National Independence Day')
        observed_us(c, D(y, 7, 4), 'Independence Day')
        c.add(nth(y, 9, MON, 1), 'Labor Day')
        c.add(nth(y, 10, MON, 2), 'Columbus Day')
        observed_us(c, D(y, 11, 11), 'Veterans Day')
        c.add(nth(y, 11, THU, 4), 'Thanksgiving Day')
        observed_us(c, D(y, 12, 25), 'Christmas Day')
        # District of Columbia: DC Emancipation Day (D.C. Code section 1-612.02; a
        # Saturday gives the Friday, a Sunday the Monday) and Inauguration Day.
        d = D(y, 4, 16)
        c.add(d - ONE if d.weekday() == SAT else d + ONE if d.weekday() == SUN else d, 'DC Emancipation Day', None, ['DC'])
        if y % 4 == 1:  # after each presidential election; federal offices in and around DC
            d = D(y, 1, 20)
            c.add(d + ONE if d.weekday() == SUN else d, 'Inauguration Day', None, ['DC'])
    for d, en in T.US_CLOSURES:
        c.add(d, en)
    return c


def canada():
    c = Cal('CA', 'en', 'Canada', regions='national')
    for y in YEARS:
        for d, en, local in ((D(y, 1, 1), "New Year's Day", 'Jour de l’an'), (D(y, 7, 1), 'Canada Day', 'Fête du Canada')):
            c.add(d, en, local)
            if d.weekday() == SUN or (d.weekday() == SAT and d.month == 7):
                c.add(on_or_after(d, MON), en + ' (observed)', None)
        c.add(easter(y) - days(2), 'Good Friday', 'Vendredi saint')
        c.add(nth(y, 9, MON, 1), 'Labour Day', 'Fête du Travail')
        c.add(D(y, 12, 25), 'Christmas Day', 'Noël')
        if D(y, 12, 25).weekday() >= SAT:
            c.add(on_or_after(D(y, 12, 25), MON) + (ONE if D(y, 12, 25).weekday() == SAT else days(0)),
                  'Christmas Day (observed)', None)
    return c


def mexico():
    c = Cal('MX', 'es', 'Mexico', regions='national')
    for y in YEARS:
        c.add(D(y, 1, 1), "New Year's Day", 'Año Nuevo')
        c.add(nth(y, 2, MON, 1), 'Constitution Day', 'Día de la Constitución')
        c.add(nth(y, 3, MON, 3), "Benito Juárez's Birthday", 'Natalicio de Benito Juárez')
        c.add(D(y, 5, 1), 'Labour Day', 'Día del Trabajo')
        c.add(D(y, 9, 16), 'Independence Day', 'Día de la Independencia')
        c.add(nth(y, 11, MON, 3), 'Revolution Day', 'Día de la Revolución')
        if y % 6 == 0:
            c.add(D(y, 10 if y >= 2024 else 12, 1), 'Inauguration of the President', 'Transmisión del Poder Ejecutivo Federal')
        c.add(D(y, 12, 25), 'Christmas Day', 'Navidad')
    return c


def brazil():
    c = Cal('BR', 'pt', 'Brazil', regions='national')
    for y in YEARS:
        e = easter(y)
        c.add(D(y, 1, 1), "New Year's Day", 'Confraternização Universal')
        c.add(e - days(48), 'Carnival Monday (federal optional day off)', 'Carnaval (ponto facultativo)')
        c.add(e - days(47), 'Carnival Tuesday (federal optional day off)', 'Carnaval (ponto facultativo)')
        c.add(e - days(2), 'Good Friday', 'Paixão de Cristo')
        c.add(D(y, 4, 21), 'Tiradentes', 'Tiradentes')
        c.add(D(y, 5, 1), 'Labour Day', 'Dia do Trabalho')
        c.add(e + days(60), 'Corpus Christi (federal optional day off)', 'Corpus Christi (ponto facultativo)')
        c.add(D(y, 9, 7), 'Independence Day', 'Independência do Brasil')
        c.add(D(y, 10, 12), 'Our Lady of Aparecida', 'Nossa Senhora Aparecida')
        c.add(D(y, 11, 2), "All Souls' Day", 'Finados')
        c.add(D(y, 11, 15), 'Proclamation of the Republic', 'Proclamação da República')
        if y >= 2024:
            c.add(D(y, 11, 20), 'Black Consciousness Day', 'Dia Nacional de Zumbi e da Consciência Negra')
        c.add(D(y, 12, 25), 'Christmas Day', 'Natal')
    return c


# ------------------------------------------------------------- Asia and Oceania

def japan():
    c = Cal('JP', 'ja', 'Japan')
    for y in YEARS:
        days_ = [
            (D(y, 1, 1), "New Year's Day", '元日'), (nth(y, 1, MON, 2), 'Coming of Age Day', '成人の日'),
            (D(y, 2, 11), 'National Foundation Day', '建国記念の日'), (D(y, 2, 23), "Emperor's Birthday", '天皇誕生日'),
            (T.JP_VERNAL[y], 'Vernal Equinox Day', '春分の日'), (D(y, 4, 29), 'Shōwa Day', '昭和の日'),
            (D(y, 5, 3), 'Constitution Memorial Day', '憲法記念日'), (D(y, 5, 4), 'Greenery Day', 'みどりの日'),
            (D(y, 5, 5), "Children's Day", 'こどもの日'), (nth(y, 7, MON, 3), 'Marine Day', '海の日'),
            (D(y, 8, 11), 'Mountain Day', '山の日'), (nth(y, 9, MON, 3), 'Respect for the Aged Day', '敬老の日'),
            (T.JP_AUTUMNAL[y], 'Autumnal Equinox Day', '秋分の日'), (nth(y, 10, MON, 2), 'Sports Day', 'スポーツの日'),
            (D(y, 11, 3), 'Culture Day', '文化の日'), (D(y, 11, 23), 'Labour Thanksgiving Day', '勤労感謝の日')]
        hol = {d for d, _, _ in days_}
        for d, en, local in days_:
            c.add(d, en, local)
        # Act on National Holidays art. 3(2): a holiday on a Sunday gives
        # the next day that is no holiday; art. 3(3): a day between two
        # holidays is a holiday.
        for d, en, local in days_:
            if d.weekday() == SUN:
                x = d + ONE
                while x in hol:
                    x += ONE
                hol.add(x)
                c.add(x, f'Substitute holiday ({en})', '振替休日')
        for d in sorted(hol):
            x = d + ONE
            if x not in hol and x + ONE in hol and x.weekday() != SUN:
                c.add(x, "Citizens' holiday (between two holidays)", '国民の休日')
        # Act on Holidays of Administrative Organs art. 1: government offices
        # close from 29 December to 3 January.
        for d in [D(y, 1, 2), D(y, 1, 3), D(y, 12, 29), D(y, 12, 30), D(y, 12, 31)]:
            c.add(d, 'Year-end and New Year closure of government offices', '年末年始の行政機関の休日')
    return c


def span(y, s):
    a, _, b = s.partition('-')
    d0 = md(y, a)
    d1 = md(y, b) if b else d0
    return [d0 + days(i) for i in range((d1 - d0).days + 1)]


def china():
    c = Cal('CN', 'zh', 'China', announced=T.CN_ANNOUNCED)
    for y in YEARS:
        lny = T.LUNAR_NEW_YEAR[y]
        stat = [(D(y, 1, 1), "New Year's Day", '元旦')]
        stat += [(lny + days(i), 'Spring Festival', '春节') for i in range(3)]
        if y >= 2025:
            stat.append((lny - ONE, "Spring Festival (New Year's Eve)", '春节（除夕）'))
        stat.append((T.QINGMING[y], 'Qingming Festival', '清明节'))
        stat.append((D(y, 5, 1), 'Labour Day', '劳动节'))
        if y >= 2025:
            stat.append((D(y, 5, 2), 'Labour Day', '劳动节'))
        stat.append((T.DRAGON_BOAT[y], 'Dragon Boat Festival', '端午节'))
        stat.append((T.MID_AUTUMN[y], 'Mid-Autumn Festival', '中秋节'))
        stat += [(D(y, 10, i), 'National Day', '国庆节') for i in (1, 2, 3)]
        seen = set()
        for d, en, local in stat:
            if d not in seen:
                seen.add(d)
                c.add(d, en, local)
        if y in T.CN_OFF:
            for s in T.CN_OFF[y]:
                for d in span(y, s):
                    if d not in seen and d.weekday() < SAT:
                        seen.add(d)
                        c.add(d, 'Holiday (State Council arrangement)', '调休放假')
            for s in T.CN_WORK[y]:
                d = md(y, s)
                c.add(d, 'Working day (State Council arrangement)', '调休上班', workday='fri' if d.weekday() == SAT else 'mon')
    # 2022-12-31 (Saturday) was part of the New Year holiday 2023: a weekend day anyway.
    return c


def korea():
    c = Cal('KR', 'ko', 'South Korea')
    fixed = [((1, 1), "New Year's Day", '신정', None), ((3, 1), 'Independence Movement Day', '삼일절', 2021),
             ((5, 5), "Children's Day", '어린이날', 2014), ((6, 6), 'Memorial Day', '현충일', None),
             ((8, 15), 'Liberation Day', '광복절', 2021), ((10, 3), 'National Foundation Day', '개천절', 2021),
             ((10, 9), 'Hangeul Day', '한글날', 2021), ((12, 25), 'Christmas Day', '기독탄신일', 2023)]
    for y in YEARS:
        days_ = []  # (date, en, local, substitute rule: 'wk' weekend, 'sun' Sunday only, None)
        for (m, d), en, local, since in fixed:
            days_.append((D(y, m, d), en, local, 'wk' if since and y >= since else None))
        if y >= 2026:
            days_.append((D(y, 5, 1), 'Labor Day', '노동절', 'wk'))
            days_.append((D(y, 7, 17), 'Constitution Day', '제헌절', 'wk'))
        lny, cs = T.KR_LUNAR_NEW_YEAR[y], T.MID_AUTUMN[y]
        for i in (-1, 0, 1):
            days_.append((lny + days(i), 'Seollal', '설날', 'sun'))
            days_.append((cs + days(i), 'Chuseok', '추석', 'sun'))
        days_.append((T.KR_BUDDHA[y], "Buddha's Birthday", '부처님 오신 날', 'wk' if y >= 2023 else None))
        for d, en, local in T.KR_EXTRA.get(y, []):
            days_.append((d, en, local, None))
        hol = {}
        for d, en, local, _ in days_:
            hol.setdefault(d, []).append(en)
        for d, en, local, _ in sorted(days_, key=lambda x: x[0]):
            c.add(d, en, local)
        # Regulations on Holidays of Government Offices art. 3: a holiday with
        # a substitute rule on a weekend day (Seollal and Chuseok: a Sunday)
        # or on another holiday gives the next working day off, one a date.
        rules = {}
        for d, en, local, rule in days_:
            rules.setdefault(d, []).append((en, rule))
        taken = set(hol)
        for d in sorted(rules):
            names = list(dict.fromkeys(en for en, _ in rules[d]))
            clash = len(names) > 1
            why = [en for en, rule in rules[d] if rule and (clash or d.weekday() == SUN or
                                                              (rule == 'wk' and d.weekday() == SAT))]
            why = list(dict.fromkeys(why))
            if not why:
                continue
            x = d + ONE
            while x.weekday() >= SAT or x in taken:
                x += ONE
            taken.add(x)
            c.add(x, 'Substitute holiday (' + ' / '.join(why) + ')', '대체공휴일')
    return c


def india():
    c = Cal('IN', 'hi', 'India', regions='national', announced=T.IN_ANNOUNCED)
    for y in YEARS:
        if y in T.IN_DOPT:
            for s, en in T.IN_DOPT[y]:
                c.add(md(y, s), en, None)
            continue
        c.add(D(y, 1, 26), 'Republic Day', 'गणतंत्र दिवस')
        c.add(D(y, 8, 15), 'Independence Day', 'स्वतंत्रता दिवस')
        c.add(D(y, 10, 2), 'Gandhi Jayanti', 'गांधी जयंती')
        c.add(easter(y) - days(2), 'Good Friday', None)
        c.add(D(y, 12, 25), 'Christmas Day', None)
        c.add(T.HOLI[y], 'Holi', 'होली', estimated=True)
        c.add(T.DEEPAVALI[y], 'Diwali (Deepavali)', 'दीपावली', estimated=True)
        for d, _ in T.islamic(T.EID_AL_FITR, y):
            c.add(d, 'Id-ul-Fitr', None, estimated=True)
        for d, _ in T.islamic(T.EID_AL_ADHA, y):
            c.add(d, 'Id-ul-Zuha (Bakrid)', None, estimated=True)
    return c


def australia():
    c = Cal('AU', 'en', 'Australia', regions='national')
    for y in YEARS:
        e = easter(y)
        for d, en in ((D(y, 1, 1), "New Year's Day"), (D(y, 1, 26), 'Australia Day')):
            c.add(d, en)
            if d.weekday() >= SAT:
                c.add(on_or_after(d, MON), en + ' (additional day)')
        c.add(e - days(2), 'Good Friday')
        c.add(e + ONE, 'Easter Monday')
        c.add(D(y, 4, 25), 'Anzac Day')
        c.add(D(y, 12, 25), 'Christmas Day')
        c.add(D(y, 12, 26), 'Boxing Day')
        if D(y, 12, 25).weekday() == SAT:
            c.add(D(y, 12, 27), 'Christmas Day (additional day)')
            c.add(D(y, 12, 28), 'Boxing Day (additional day)')
        elif D(y, 12, 25).weekday() == SUN:
            c.add(D(y, 12, 27), 'Christmas Day (additional day)')
        elif D(y, 12, 25).weekday() == FRI:
            c.add(D(y, 12, 28), 'Boxing Day (additional day)')
    c.add(D(2022, 9, 22), 'National Day of Mourning for Queen Elizabeth II')
    return c


# Countries whose government announces the whole year's days off: the
# tables of tables.WHOLE, with English names.
WHOLE_EN = {
    'TW': {'中華民國開國紀念日': "Republic Day (New Year's Day)", '農曆除夕': "Lunar New Year's Eve",
           '春節': 'Spring Festival', '和平紀念日': 'Peace Memorial Day', '兒童節': "Children's Day",
           '清明節': 'Tomb Sweeping Day', '端午節': 'Dragon Boat Festival', '中秋節': 'Mid-Autumn Festival',
           '中華民國國慶日': 'National Day', '休息日': 'Bridge day', '勞動節': 'Labour Day',
           '孔子誕辰紀念日': "Confucius' Birthday (Teachers' Day)", '臺灣光復暨金門古寧頭大捷紀念日': 'Retrocession Day',
           '行憲紀念日': 'Constitution Day'},
    'TH': {'ชดเชย': 'Substitute day', 'วันขึ้นปีใหม่': "New Year's Day", 'วันเด็กแห่งชาติ': "National Children's Day",
           'วันมาฆบูชา': 'Makha Bucha Day', 'วันจักรี': 'Chakri Memorial Day', 'วันสงกรานต์': 'Songkran Festival',
           'วันแรงงานแห่งชาติ': 'National Labour Day', 'วันฉัตรมงคล': 'Coronation Day', 'วันวิสาขบูชา': 'Visakha Bucha Day',
           'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา': "Queen Suthida's Birthday", 'วันอาสาฬหบูชา': 'Asarnha Bucha Day',
           'วันเข้าพรรษา': 'Buddhist Lent Day', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระปรเมนทร': "King Vajiralongkorn's Birthday",
           'วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนี': "Queen Mother's Birthday (Mother's Day)", 'วันแม่แห่งชาติ': "Mother's Day",
           'วันคล้ายวันสวรรคต': 'King Bhumibol Memorial Day', 'วันนวมินทรมหาราช': 'King Bhumibol Memorial Day',
           'วันปิยมหาราช': 'King Chulalongkorn Day', 'วันคล้ายวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระบรมชนกาธิเบศร': "King Bhumibol's Birthday (Father's Day)",
           'วันชาติ': 'National Day', 'วันพ่อแห่งชาติ': "Father's Day", 'วันรัฐธรรมนูญ': 'Constitution Day',
           'วันสิ้นปี': "New Year's Eve", 'วันหยุดพิเศษ': 'Special holiday'},
    'ID': {'Tahun Baru Masehi': "New Year's Day", 'Tahun Baru Imlek': 'Chinese New Year', 'Hari Suci Nyepi': 'Day of Silence (Nyepi)',
           'Wafat Yesus Kristus': 'Good Friday', 'Hari Raya Waisak': 'Vesak Day', 'Hari Buruh Internasional': 'Labour Day',
           'Kenaikan Yesus Kristus': 'Ascension Day', 'Hari Lahir Pancasila': 'Pancasila Day',
           'Hari Kemerdekaan Republik Indonesia': 'Independence Day', 'Hari Raya Natal': 'Christmas Day',
           'Hari Raya Idulfitri': 'Eid al-Fitr', 'Hari kedua dari Hari Raya Idulfitri': 'Eid al-Fitr (second day)',
           'Hari Raya Iduladha': 'Eid al-Adha', 'Tahun Baru Islam': 'Islamic New Year', 'Maulid Nabi Muhammad': "Prophet's Birthday",
           'Isra Mikraj Nabi Muhammad': "Isra and Mi'raj", 'Kebangkitan Yesus Kristus (Paskah)': 'Easter Sunday'},
    'AE': {'رأس السنة الميلادية': "New Year's Day", 'يوم الشهيد': 'Commemoration Day', 'اليوم الوطني': 'National Day',
           'عيد الفطر': 'Eid al-Fitr', 'عطلة عيد الفطر': 'Eid al-Fitr holiday', 'وقفة عرفة': 'Arafat Day',
           'عيد الأضحى': 'Eid al-Adha', 'عطلة عيد الأضحى': 'Eid al-Adha holiday', 'رأس السنة الهجرية': 'Islamic New Year',
           'عيد المولد النبوي': "Prophet's Birthday"},
    'TR': {"Atatürk'ü Anma, Gençlik ve Spor Bayramı": 'Commemoration of Atatürk, Youth and Sports Day',
           'Cumhuriyet Bayramı': 'Republic Day', 'Demokrasi ve Millî Birlik Günü': 'Democracy and National Unity Day',
           'Emek ve Dayanışma Günü': 'Labour and Solidarity Day', 'Kurban Bayramı': 'Eid al-Adha (Feast of Sacrifice)',
           'Ramazan Bayramı': 'Eid al-Fitr (Ramadan Feast)', 'Ulusal Egemenlik ve Çocuk Bayramı': "National Sovereignty and Children's Day",
           'Yılbaşı': "New Year's Day", 'Zafer Bayramı': 'Victory Day'},
    'IL': {'(נצפה) יום העצמאות': 'Independence Day (moved)', 'יום העצמאות': 'Independence Day', 'יום כיפור': 'Yom Kippur',
           'סוכות': 'Sukkot', 'שמחת תורה/שמיני עצרת': 'Shemini Atzeret / Simchat Torah', 'פסח': 'Passover',
           'ראש השנה': 'Rosh Hashanah', 'שבועות': 'Shavuot', 'שביעי של פסח': 'Seventh day of Passover'},
    'VN': {'Tết Dương lịch': "New Year's Day", 'Giao thừa Tết Nguyên Đán': "Lunar New Year's Eve (Tết)",
           'Tết Nguyên Đán': 'Lunar New Year (Tết)', 'Mùng hai Tết Nguyên Đán': 'Tết (second day)',
           'Mùng ba Tết Nguyên Đán': 'Tết (third day)', 'Mùng bốn Tết Nguyên Đán': 'Tết (fourth day)',
           'Mùng năm Tết Nguyên Đán': 'Tết (fifth day)', 'Ngày Giỗ Tổ Hùng Vương': 'Hùng Kings Commemoration Day',
           'Ngày Chiến thắng': 'Reunification Day', 'Ngày Quốc tế Lao động': 'Labour Day', 'Quốc khánh': 'National Day',
           'Ngày nghỉ': 'Day off (government arrangement)'},
}
WHOLE_LANG = {'TW': ('zh', 'Taiwan', 2026), 'TH': ('th', 'Thailand', 2025), 'ID': ('id', 'Indonesia', 2025),
              'AE': ('ar', 'United Arab Emirates', 2024), 'TR': ('tr', 'Türkiye', LAST), 'IL': ('he', 'Israel', LAST),
              'VN': ('vi', 'Vietnam', 2025), 'SG': ('en', 'Singapore', 2026)}


def english(cc, local):
    if cc == 'SG':
        return local, None
    table = WHOLE_EN[cc]
    sub = ''
    for suffix, word in (('（慶祝）', 'observed'), (' (nghỉ bù)', 'substitute day')):
        if local.endswith(suffix):
            local, sub = local[:-len(suffix)], word
    if cc == 'TH' and local.startswith('ชดเชย') and local != 'ชดเชย':
        return f'{english(cc, local[len("ชดเชย"):])[0]} (substitute day)', None
    for k, v in table.items():
        if local == k or (cc == 'TH' and local.startswith(k)):
            return (f'{v} ({sub})' if sub else v), None
    raise SystemExit(f'no English name for {cc} {local!r}')


def whole(cc):
    lang, title, announced = WHOLE_LANG[cc]
    c = Cal(cc, lang, title, announced=announced)
    for y in YEARS:
        rows = list(T.WHOLE[cc][y])
        for d, local, est in T.WHOLE_FIX.get(cc, {}).get(y, None) or []:
            rows.append((d, local, est))
        drop = set(T.WHOLE_DROP.get(cc, {}).get(y, []))
        for s, local, est in rows:
            if s in drop:
                continue
            d = md(y, s)
            workday = None
            if local.startswith('休息日（'):
                work = D.fromisoformat(local[4:14])
                c.add(work, 'Working day (make-up for the bridge day ' + d.isoformat() + ')', '補行上班',
                      workday=WD[d.weekday()])
                local = '休息日'
            en, _ = english(cc, local)
            c.add(d, en, None if cc == 'SG' else local, workday=workday, estimated=est or y > announced)
    return c


def taiwan():
    c = whole('TW')
    # The 2025 amendment of the Implementation Rules for Commemorative Days
    # and Holidays: Labour Day for everyone, Confucius' Birthday, Retrocession
    # Day and Constitution Day. A day on a Saturday is observed the Friday
    # before, on a Sunday the Monday after.
    for y in range(2026, LAST + 1):
        for m, d, local in ((5, 1, '勞動節'), (9, 28, '孔子誕辰紀念日'), (10, 25, '臺灣光復暨金門古寧頭大捷紀念日'),
                            (12, 25, '行憲紀念日')):
            x = D(y, m, d)
            en = english('TW', local)[0]
            c.add(x, en, local, estimated=y > c.announced)
            if x.weekday() == SAT:
                c.add(x - ONE, en + ' (observed)', local + '（慶祝）', estimated=y > c.announced)
            elif x.weekday() == SUN:
                c.add(x + ONE, en + ' (observed)', local + '（慶祝）', estimated=y > c.announced)
    return c


def indonesia():
    c = whole('ID')
    for y in range(2026, LAST + 1):
        c.add(easter(y), 'Easter Sunday', 'Kebangkitan Yesus Kristus (Paskah)')
    return c


def vietnam():
    c = whole('VN')
    # Working days moved by the Prime Minister's notices (Bộ Lao động - Thương
    # binh và Xã hội) for civil servants: a weekday off for a Saturday worked.
    # Labour Code 2019 art. 112(1)(đ): National Day is 2 September and the day
    # before or after it, as the Prime Minister decides each year (2022: 1 Sep,
    # 2023: 1 Sep, 2024: 3 Sep, 2025: 1 Sep); later years: the day that joins
    # the weekend, expected.
    for y in YEARS:
        d2 = D(y, 9, 2)
        second = D(y, 9, 3) if d2.weekday() in (MON, WED, SUN) else D(y, 9, 1)
        c.add(second, 'National Day (second day)', 'Quốc khánh', estimated=y > c.announced)
    for off, work in ((D(2024, 4, 29), D(2024, 5, 4)), (D(2025, 5, 2), D(2025, 4, 26))):
        c.add(off, 'Day off (government arrangement)', 'Ngày nghỉ')
        c.add(work, 'Working Saturday (for the day off ' + off.isoformat() + ')', 'Ngày làm việc bù',
              workday=WD[off.weekday()])
    return c


COUNTRIES = [austria, belgium, bulgaria, croatia, cyprus, czechia, denmark, estonia, finland, france, germany,
             greece, hungary, ireland, italy, latvia, lithuania, luxembourg, malta, netherlands, poland, portugal,
             romania, slovakia, slovenia, spain, sweden, uk, norway, switzerland, usa, canada, mexico, brazil,
             japan, china, taiwan, korea, vietnam, india, lambda: whole('SG'), indonesia, lambda: whole('TH'),
             australia, lambda: whole('TR'), lambda: whole('AE'), lambda: whole('IL')]


def quote(s):
    """A scalar as YAML flow text: plain when that reads back the same."""
    if (s and s[0] not in '!&*-?[]{}|>@`"\'%#,' and ': ' not in s and ' #' not in s and
            not any(ch in s for ch in ',[]{}') and s == s.strip() and not s.endswith(':')):
        return s
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def write(c, outdir):
    lines = [f'# Public holidays: {c.title}, {FIRST}-{LAST}. Generated by scripts/holidays/generate.py '
             '(rules and tables there; sources in docs/holidays.md); do not edit.',
             'itinerary: 1', 'holidays:']
    seen = set()
    for d, scope, en, local, workday, est in sorted(c.entries, key=lambda e: (e[0], e[1] or '', e[4] or '', e[2])):
        key = (d, scope, bool(workday), en)
        if key in seen:  # one holiday listed twice (two rules giving one day)
            continue
        seen.add(key)
        if c.local_names:
            name, other = local, ('en', en)
        else:
            name, other = en, ('local', local)
        f = [f'date: {d.isoformat()}', f'name: {quote(name)}']
        if other[1] and other[1] != name:
            f.append(f'{other[0]}: {quote(other[1])}')
        f.append(f'region: {scope}' if scope else f'country: {c.cc}')
        if workday:
            f.append(f'workday: {workday}')
        if est:
            f.append('estimated: true')
        lines.append('  - {' + ', '.join(f) + '}')
    with open(os.path.join(outdir, 'data', 'holidays', f'{c.cc}.yaml'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')


def write_index(cals, outdir):
    lines = ['/* The bundled holiday calendars: country, language, first and last year,',
             ' * the last year whose announced dates are known, how regions are covered',
             ' * (docs/holidays.md) and the regions with days of their own. Generated by',
             ' * scripts/holidays/generate.py; do not edit. */']
    for c in sorted(cals, key=lambda c: c.cc):
        regs = sorted({e[1] for e in c.entries if e[1]})
        mode = {'none': 'ITIN_REGIONS_NONE', 'all': 'ITIN_REGIONS_ALL', 'national': 'ITIN_REGIONS_NATIONAL'}[c.regions]
        lines.append(f'ITIN_CALENDAR("{c.cc}", "{c.lang}", "{c.title}", {FIRST}, {LAST}, {c.announced}, {mode},')
        lines.append(f'              "{" ".join(regs)}")')
    with open(os.path.join(outdir, 'src', 'holiday_calendars.inc'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
    os.makedirs(os.path.join(outdir, 'data', 'holidays'), exist_ok=True)
    os.makedirs(os.path.join(outdir, 'src'), exist_ok=True)
    cals = [f() for f in COUNTRIES]
    for c in cals:
        write(c, outdir)
    write_index(cals, outdir)


if __name__ == '__main__':
    main()
