// Read every exported .ics with Mozilla's ical.js and compare it with what
// expect.py derived from the scheduler's JSON.
//
//   node check_icaljs.mjs DIR
//
// ical.js knows no time zones of its own (only UTC): every TZID is resolved
// through the VTIMEZONE the file carries, so this is the check of our
// VTIMEZONE rules against the scheduler's offsets, and of each VTIMEZONE
// against tzdata (Python's zoneinfo, through expect.py) across the calendar.
// An unregistered TZID would leave a time floating and fail the comparison.
// Prints "N passed, N failed" (one check per event and per calendar).
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let cases = [];
try {
  cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'));
} catch (e) {
  console.log(`FAIL: ${e}`);
  failed++;
}

const iso = (t) => new Date(t.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// NAME (RFC 7986) is a property ical.js 2.2.1 does not know, so it hands
// out its raw value; read it as TEXT (what calendar applications do).
// X-WR-CALNAME says VALUE=TEXT, so ical.js unescapes it itself.
const unescapeText = (s) =>
  s.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

for (const name of cases) {
  const exp = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'));
  const data = fs.readFileSync(path.join(dir, exp.ics), 'utf8');
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(data));
  } catch (e) {
    console.log(`FAIL ${name}: ical.js cannot parse it: ${e}`);
    failed++;
    continue;
  }
  // Zones: only those in the file, registered afresh for each calendar.
  ICAL.TimezoneService.reset();
  const problems = [];
  const tzids = [];
  for (const vtz of cal.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    tzids.push(tz.tzid);
    ICAL.TimezoneService.register(tz, tz.tzid);
  }
  const c = exp.calendar;
  const calProps = [
    ['prodid', c.prodid], ['version', c.version], ['calscale', c.calscale], ['method', c.method],
  ];
  for (const [p, want] of calProps) {
    const got = cal.getFirstPropertyValue(p);
    if (got !== want) problems.push(`${p.toUpperCase()}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  for (const [p, want, raw] of [['name', c.name, true], ['x-wr-calname', c.x_wr_calname, false]]) {
    const got = cal.getFirstPropertyValue(p);
    if (got === null || (raw ? unescapeText(String(got)) : String(got)) !== want) {
      problems.push(`${p.toUpperCase()}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
  if (cal.getFirstPropertyValue('x-wr-timezone') !== c.x_wr_timezone) problems.push('X-WR-TIMEZONE');
  if (!same([...tzids].sort(), c.tzids)) problems.push(`VTIMEZONE TZIDs ${tzids}, expected ${c.tzids}`);
  // Each VTIMEZONE gives tzdata's offsets (expect.py's, from Python's
  // zoneinfo) at every instant listed, read as a client reads a time with
  // TZID: the local time of the instant, whose offset ical.js looks up.
  // Local times that happen twice (the clocks go back) are left out: they
  // are ambiguous by nature, and the calendar writes them in UTC. (Not
  // UTC times converted into the zone: ical.js 2.2.1 looks their offset up
  // as if they were local times, which is wrong near every change.)
  for (const [tzid, checks] of Object.entries(exp.zone_offsets ?? {})) {
    const tz = ICAL.TimezoneService.get(tzid);
    if (!tz) continue;
    const wrong = [];
    for (const [when, want] of checks.filter((c) => !c[2])) {
      const t = ICAL.Time.fromDateTimeString(when.replace('Z', ''));
      t.adjust(0, 0, 0, want);
      const got = tz.utcOffset(t);
      if (got !== want) wrong.push(`${when}: ${got} s, tzdata ${want} s`);
    }
    if (wrong.length) {
      problems.push(`VTIMEZONE ${tzid} differs from tzdata at ${wrong.length} of ${checks.length} instants: `
        + wrong.slice(0, 4).join('; '));
    }
  }
  for (const p of problems) console.log(`FAIL ${name}: ${p}`);
  if (problems.length) failed++;
  else passed++;

  const events = new Map();
  for (const ve of cal.getAllSubcomponents('vevent')) {
    const uid = ve.getFirstPropertyValue('uid');
    if (events.has(uid)) {
      console.log(`FAIL ${name}: UID ${uid} twice`);
      failed++;
    }
    events.set(uid, ve);
  }
  const want = new Set(exp.events.map((e) => e.uid));
  for (const uid of events.keys()) {
    if (!want.has(uid)) {
      console.log(`FAIL ${name}: unexpected event ${uid}`);
      failed++;
    }
  }

  for (const e of exp.events) {
    const pr = [];
    const eq = (what, got, w) => {
      if (!same(got, w)) pr.push(`${e.uid}: ${what} ${JSON.stringify(got)}, expected ${JSON.stringify(w)}`);
    };
    const ve = events.get(e.uid);
    if (!ve) {
      pr.push(`${e.uid}: missing`);
    } else {
      const ev = new ICAL.Event(ve);
      for (const [prop, key, t] of [['dtstart', 'start', ev.startDate], ['dtend', 'end', ev.endDate]]) {
        const p = ve.getFirstProperty(prop);
        eq(`${prop} TZID`, p.getParameter('tzid') ?? null, e[`tzid_${key}`]);
        if (e.all_day) {
          eq(`${prop} is a date`, t.isDate, true);
          eq(prop, t.toString(), e[key]);
        } else {
          eq(`${prop} is a date`, t.isDate, false);
          // Floating would mean the TZID was not resolved through a VTIMEZONE.
          eq(`${prop} zone`, t.zone === ICAL.Timezone.localTimezone ? 'floating' : 'zoned', 'zoned');
          eq(`${prop} (UTC)`, iso(t), e[key]);
          // And in its own zone, the local time the scheduler shows.
          eq(`${prop} local`, t.toString().slice(0, 16), e[`local_${key}`]);
        }
      }
      eq('SUMMARY', ev.summary, e.summary);
      eq('LOCATION', ev.location ?? null, e.location);
      // RFC 5545 §3.2.10: the language of each text, read as a parameter.
      for (const [prop, key] of [['summary', 'summary_language'], ['location', 'location_language'],
                                 ['description', 'description_language']]) {
        const p = ve.getFirstProperty(prop);
        if (p) eq(prop.toUpperCase() + ' LANGUAGE', p.getParameter('language') ?? null, e[key]);
      }
      eq('DESCRIPTION', ev.description ?? null, e.description);
      const geo = ve.getFirstPropertyValue('geo');
      eq('GEO', geo ? geo.map((v) => Math.round(v * 1e6) / 1e6) : null,
        e.geo ? e.geo.map((v) => Math.round(v * 1e6) / 1e6) : null);
      eq('URL', ve.getFirstPropertyValue('url') ?? null, e.url);
      eq('STATUS', ve.getFirstPropertyValue('status'), e.status);
      eq('TRANSP', ve.getFirstPropertyValue('transp'), e.transp);
      eq('CATEGORIES', ve.getAllProperties('categories').flatMap((p) => p.getValues()), e.categories);
      eq('SEQUENCE', ev.sequence, e.sequence);
      eq('DTSTAMP', iso(ve.getFirstPropertyValue('dtstamp')), e.dtstamp);
      const alarms = ve.getAllSubcomponents('valarm');
      if (e.alarm_seconds === null) {
        eq('VALARMs', alarms.length, 0);
      } else if (alarms.length !== 1) {
        eq('VALARMs', alarms.length, 1);
      } else {
        eq('VALARM ACTION', alarms[0].getFirstPropertyValue('action'), 'DISPLAY');
        eq('VALARM TRIGGER', alarms[0].getFirstPropertyValue('trigger').toSeconds(), e.alarm_seconds);
        eq('VALARM DESCRIPTION', alarms[0].getFirstPropertyValue('description'), e.summary);
      }
      const org = ve.getFirstProperty('organizer');
      eq('ORGANIZER', org ? { email: org.getFirstValue().replace(/^mailto:/i, ''), cn: org.getParameter('cn') ?? null } : null,
        e.organizer);
      eq('ATTENDEEs', ve.getAllProperties('attendee').map((a) => ({
        email: a.getFirstValue().replace(/^mailto:/i, ''), cn: a.getParameter('cn') ?? null,
      })), e.attendees);
      for (const a of ve.getAllProperties('attendee')) {
        eq('ATTENDEE params', [a.getParameter('role'), a.getParameter('partstat'), a.getParameter('rsvp')],
          ['REQ-PARTICIPANT', 'NEEDS-ACTION', 'TRUE']);
      }
    }
    for (const p of pr) console.log(`FAIL ${name}: ${p}`);
    if (pr.length) failed++;
    else passed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
