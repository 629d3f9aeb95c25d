// Read exported calendars with npm `icalendar` 0.7.1 (pinned in
// package-lock.json), a strict reader: it resolves every TZID through the
// file's own VTIMEZONE, and asserts that a VTIMEZONE with DAYLIGHT has
// exactly one STANDARD and one DAYLIGHT (it threw on the VTIMEZONEs libical
// used to give).
//
//   node check_strict_npm.cjs DIR...
//
// Each DIR holds exports and the expect.py files (cases.json,
// NAME.expected.json). A calendar passes when it parses and every event it
// must hold is read, once, with a start and an end. How many of the times
// equal the scheduler's (icalendar 0.7 reads only the first RRULE of each
// observance and no RDATE) is printed as a note (VERBOSE=1: each one).
// Prints "N passed, N failed" (one check per calendar).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ical = require('icalendar');

let passed = 0;
let failed = 0;
let times = 0;
let same = 0;
for (const dir of process.argv.slice(2)) {
  for (const name of JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'))) {
    const exp = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'));
    const problems = [];
    try {
      const cal = ical.parse_calendar(fs.readFileSync(path.join(dir, exp.ics), 'utf8'));
      const got = new Map();
      for (const ev of cal.events()) {
        const uid = ev.getPropertyValue('UID');
        if (got.has(uid)) problems.push(`UID ${uid} twice`);
        got.set(uid, ev);
      }
      const want = exp.events.map((e) => e.uid);
      const missing = want.filter((u) => !got.has(u));
      const extra = [...got.keys()].filter((u) => !want.includes(u));
      if (missing.length) problems.push(`missing ${missing.slice(0, 3).join(', ')}`);
      if (extra.length) problems.push(`unexpected ${extra.slice(0, 3).join(', ')}`);
      for (const e of exp.events) {
        const ev = got.get(e.uid);
        if (!ev) continue;
        for (const [prop, key] of [['DTSTART', 'start'], ['DTEND', 'end']]) {
          const v = ev.getPropertyValue(prop);
          if (!(v instanceof Date) || Number.isNaN(v.getTime())) {
            problems.push(`${e.uid}: no ${prop}`);
            continue;
          }
          if (e.all_day) continue;
          times++;
          const t = v.toISOString().replace('.000Z', 'Z');
          if (t === e[key]) same++;
          else if (process.env.VERBOSE) console.log(`NOTE ${name}: ${e.uid} ${prop} ${t}, scheduler ${e[key]}`);
        }
      }
    } catch (ex) {
      problems.push(`icalendar cannot read it: ${String(ex).slice(0, 160)}`);
    }
    for (const p of problems) console.log(`FAIL ${name}: ${p}`);
    if (problems.length) failed++;
    else passed++;
  }
}
console.log(`NOTE: ${same} of ${times} times as the scheduler's`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
