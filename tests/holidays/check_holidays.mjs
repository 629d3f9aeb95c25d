#!/usr/bin/env node
// Independent check of the bundled holiday calendars (data/holidays/DE.yaml,
// data/holidays/KR.yaml) against the date-holidays dataset.
//
//   node check_holidays.mjs ../../data/holidays
//
// For every year 2022-2030 it compares the public holidays ("type: public") that
// date-holidays knows for DE (national), each of the 16 German states, and KR with
// ours: every date there must be in ours, every date of ours must be there, except
// for the explicit ALLOW list below. One line per mismatch, then
// "N passed, N failed" (N = region-year comparisons); exit 1 on any failure.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Holidays from 'date-holidays'

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]
const DE_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']

// Known, accepted differences. `only: 'ours'` = a date we list that date-holidays
// lacks; `only: 'lib'` = a date date-holidays lists that we do not. `date` is either
// a full date or MM-DD with a `years` list. Keep it short; fix the data instead
// whenever date-holidays is right.
const ALLOW = [
  { cal: 'DE-BY', date: '08-15', years: YEARS, only: 'ours', reason: 'Mariä Himmelfahrt: public in the Catholic-majority municipalities (incl. Munich); date-holidays has it only in its BY sub-region KATH' },
  { cal: 'DE-HE', date: 'easter', years: YEARS, only: 'ours', reason: 'Ostersonntag is a statutory holiday in HE (HFeiertagsG §1), date-holidays lists it for BB only' },
  { cal: 'DE-HE', date: 'easter+49', years: YEARS, only: 'ours', reason: 'Pfingstsonntag is a statutory holiday in HE (HFeiertagsG §1), date-holidays lists it for BB only' },
  { cal: 'KR', date: '2022-03-09', only: 'ours', reason: '20th presidential election day (public holiday by the Public Official Election Act); date-holidays has no election days' },
  { cal: 'KR', date: '2022-06-01', only: 'ours', reason: '8th local elections day; date-holidays has no election days' },
  { cal: 'KR', date: '2023-10-02', only: 'ours', reason: 'temporary holiday declared by the cabinet (Chuseok bridge day); date-holidays lacks it' },
  { cal: 'KR', date: '2024-04-10', only: 'ours', reason: '22nd National Assembly election day; date-holidays has no election days' },
  { cal: 'KR', date: '2024-10-01', only: 'ours', reason: 'Armed Forces Day declared a temporary holiday for 2024; date-holidays lacks it' },
  { cal: 'KR', date: '2025-01-27', only: 'ours', reason: 'temporary holiday declared by the cabinet (Seollal bridge day); date-holidays lacks it' },
  { cal: 'KR', date: '2025-06-03', only: 'ours', reason: '21st presidential (snap) election day; date-holidays has no election days' },
  { cal: 'KR', date: '2026-06-03', only: 'ours', reason: '9th local elections day; date-holidays has no election days' },
  { cal: 'KR', date: '2028-04-12', only: 'ours', reason: '23rd National Assembly election (statutory date: 1st Wednesday from 50 days before the term ends 2028-05-29); date-holidays has no election days' },
  { cal: 'KR', date: '2030-03-27', only: 'ours', reason: '22nd presidential election (statutory date: 1st Wednesday from 70 days before the term ends 2030-06-03); date-holidays has no election days' },
  { cal: 'KR', date: '2030-06-12', only: 'ours', reason: '10th local elections (statutory 1st Wednesday 06-05 moved a week because 06-06 is Memorial Day); date-holidays has no election days' },
  { cal: 'KR', date: '05-01', years: [2026, 2027, 2028, 2029, 2030], only: 'ours', reason: 'Labor Day (노동절) is a public holiday since the 2026 Public Holidays Act amendment; date-holidays 3.37 predates it' },
  { cal: 'KR', date: '2027-05-03', only: 'ours', reason: 'substitute holiday for Labor Day on Saturday 2027-05-01 (substitute rule applies from 2026); date-holidays lacks Labor Day' },
]

// One correction of a documented date-holidays defect, applied before comparing.
// date-holidays' KR rule "korean 01-0-01 P3D" starts the three-day Seollal block
// on Seollal itself instead of the day before (see the comment above the KR
// substitute rules in its data/countries/KR.yaml, issue #640): shift that block
// back by one day. Only that exact rule is touched, so a fixed upstream rule is
// compared unchanged.
const SEOLLAL_BUGGY_RULE = 'korean 01-0-01 P3D'

// ---------------------------------------------------------------- helpers

function addDays (iso, n) {
  const d = new Date(iso + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

function easter (y) { // anonymous Gregorian algorithm
  const a = y % 19; const b = Math.floor(y / 100); const c = y % 100
  const d = Math.floor(b / 4); const e = b % 4; const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3); const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4); const k = c % 4; const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31); const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function allowFor (cal, year, date, only) {
  for (const a of ALLOW) {
    if (a.cal !== cal || a.only !== only) continue
    let dates
    if (/^\d{4}-\d\d-\d\d$/.test(a.date)) dates = [a.date]
    else if (/^\d\d-\d\d$/.test(a.date)) dates = a.years.map(y => `${y}-${a.date}`)
    else {
      const m = /^easter(?:([+-]\d+))?$/.exec(a.date)
      if (!m) throw new Error(`bad ALLOW date ${a.date}`)
      dates = a.years.map(y => addDays(easter(y), Number(m[1] || 0)))
    }
    if (dates.includes(date) && Number(date.slice(0, 4)) === year) return a
  }
  return null
}

// ---------------------------------------------------------------- our data

const LINE_RE = /^ {2}- \{date: (\d{4}-\d\d-\d\d), name: ([^,{}[\]]+?), (country|region): ([A-Z]{2}(?:-[A-Z0-9]{1,3})?)\}\s*$/

function readOurs (file, country, problems) {
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n')
  const entries = []
  let prev = null
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`
    if (line === '' || /^#/.test(line) || line === 'itinerary: 1' || line === 'holidays:') return
    const m = LINE_RE.exec(line)
    if (!m) { problems.push({ cal: country, year: null, msg: `${where}: cannot parse: ${line}` }); return }
    const [, date, name, key, value] = m
    const year = Number(date.slice(0, 4))
    const valid = !Number.isNaN(Date.parse(date + 'T00:00:00Z')) && new Date(date + 'T00:00:00Z').toISOString().slice(0, 10) === date
    const cal = value // 'DE', 'DE-SN', 'KR', ...
    if (!valid) problems.push({ cal, year, msg: `${where}: invalid date ${date}` })
    if (!YEARS.includes(year)) problems.push({ cal, year: null, msg: `${where}: ${date} outside 2022-2030` })
    if (key === 'country' && value !== country) problems.push({ cal: country, year, msg: `${where}: country ${value} in ${country}.yaml` })
    if (key === 'region' && !value.startsWith(country + '-')) problems.push({ cal: country, year, msg: `${where}: region ${value} in ${country}.yaml` })
    const sortKey = [date, key === 'region' ? value : '']
    if (prev && (sortKey[0] < prev[0] || (sortKey[0] === prev[0] && sortKey[1] < prev[1]))) {
      problems.push({ cal, year, msg: `${where}: not sorted by date, then region` })
    }
    prev = sortKey
    entries.push({ date, name: name.trim(), key, value, year })
  })
  if (!/^# .+\nitinerary: 1\nholidays:\n/.test(text)) problems.push({ cal: country, year: null, msg: `${file}: must start with a comment line, "itinerary: 1" and "holidays:"` })
  return entries
}

// ---------------------------------------------------------------- library data

function libDates (hd, year) {
  const out = new Map() // date -> name
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue
    const days = Math.max(1, Math.round((h.end - h.start) / 86400000))
    let first = h.date.slice(0, 10)
    if (h.rule === SEOLLAL_BUGGY_RULE) first = addDays(first, -1)
    for (let i = 0; i < days; i++) {
      const d = addDays(first, i)
      if (Number(d.slice(0, 4)) === year && !out.has(d)) out.set(d, h.name)
    }
  }
  return out
}

// ---------------------------------------------------------------- main

const dir = process.argv[2]
if (!dir) {
  console.error('usage: node check_holidays.mjs DATA_HOLIDAYS_DIR')
  process.exit(2)
}

const problems = []
const de = readOurs(join(dir, 'DE.yaml'), 'DE', problems)
const kr = readOurs(join(dir, 'KR.yaml'), 'KR', problems)

for (const e of de) {
  if (e.key === 'region' && !DE_STATES.includes(e.value.slice(3))) {
    problems.push({ cal: 'DE', year: e.year, msg: `DE.yaml: unknown region ${e.value} (${e.date})` })
  }
}
for (const e of kr) {
  if (e.key !== 'country') problems.push({ cal: 'KR', year: e.year, msg: `KR.yaml: KR entries use country: KR (${e.date} ${e.value})` })
}

function oursFor (entries, country, state, year) {
  const out = new Map()
  for (const e of entries) {
    if (e.year !== year) continue
    const applies = (e.key === 'country' && e.value === country) ||
      (state && e.key === 'region' && e.value === `${country}-${state}`)
    if (applies && !out.has(e.date)) out.set(e.date, e.name)
  }
  return out
}

const comparisons = []
for (const year of YEARS) {
  comparisons.push({ cal: 'DE', year, ours: oursFor(de, 'DE', null, year), lib: libDates(new Holidays('DE'), year) })
  for (const s of DE_STATES) {
    comparisons.push({ cal: `DE-${s}`, year, ours: oursFor(de, 'DE', s, year), lib: libDates(new Holidays('DE', s), year) })
  }
  comparisons.push({ cal: 'KR', year, ours: oursFor(kr, 'KR', null, year), lib: libDates(new Holidays('KR'), year) })
}

let passed = 0
let failed = 0
const usedAllow = new Set()
const fatal = problems.filter(p => p.year === null)
for (const p of fatal) console.log(p.msg)

for (const c of comparisons) {
  const lines = []
  for (const p of problems) {
    if (p.year === c.year && (p.cal === c.cal || (c.cal === 'DE' && p.cal.startsWith('DE') && !DE_STATES.includes(p.cal.slice(3))))) lines.push(p.msg)
  }
  if (fatal.some(p => p.cal === c.cal.slice(0, 2))) lines.push(`${c.cal} ${c.year}: data file has errors (see above)`)
  for (const [d, name] of c.lib) {
    if (c.ours.has(d)) continue
    const a = allowFor(c.cal, c.year, d, 'lib')
    if (a) { usedAllow.add(a); continue }
    lines.push(`${c.cal} ${c.year}: missing ${d} (date-holidays: ${name})`)
  }
  for (const [d, name] of c.ours) {
    if (c.lib.has(d)) continue
    const a = allowFor(c.cal, c.year, d, 'ours')
    if (a) { usedAllow.add(a); continue }
    lines.push(`${c.cal} ${c.year}: extra ${d} ${name} (not a public holiday in date-holidays)`)
  }
  if (lines.length) {
    failed++
    for (const l of lines) console.log(l)
  } else {
    passed++
  }
}

for (const a of ALLOW) {
  if (!usedAllow.has(a)) console.log(`note: allow-list entry not needed: ${a.cal} ${a.date} (${a.reason})`)
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
