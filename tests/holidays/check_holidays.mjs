#!/usr/bin/env node
// Independent check of the bundled holiday calendars (data/holidays/*.yaml)
// against the date-holidays dataset (npm).
//
//   node check_holidays.mjs DATA_HOLIDAYS_DIR
//
// For every calendar (each country, and each region with days of its own that
// date-holidays also knows) and every year 2022-2035 it compares the days off
// we list (national days, plus the region's) with the public holidays
// ("type: public") date-holidays lists: every date there must be ours, every
// date of ours must be there, except for the ALLOW rules below, each with the
// reason and the official source (docs/holidays.md has the whole story).
// One line per mismatch, then "N passed, N failed" (N = calendar-years).

import { readFileSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import Holidays from 'date-holidays'
import { ALLOW } from './allow_date_holidays.mjs'

const FIRST = 2022
const LAST = 2035

// Our region code -> date-holidays' state code, where they differ.
const STATE = { 'AT-1': '1', 'AT-2': '2', 'AT-3': '3', 'AT-4': '4', 'AT-5': '5', 'AT-6': '6', 'AT-7': '7', 'AT-8': '8', 'AT-9': '9' }

// date-holidays' KR rule "korean 01-0-01 P3D" starts the three-day Seollal
// block on Seollal itself instead of the day before (issue #640 upstream):
// that block is moved back a day before comparing.
const SEOLLAL_BUGGY_RULE = 'korean 01-0-01 P3D'

function addDays (iso, n) {
  return new Date(Date.parse(iso + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10)
}

function weekday (iso) { return new Date(iso + 'T00:00:00Z').getUTCDay() } // 0 = Sunday

// One line of our files: `  - {key: value, ...}`, values plain or "quoted".
function parseLine (line) {
  const m = /^ {2}- \{(.*)\}$/.exec(line)
  if (!m) return null
  const out = {}
  let s = m[1]
  while (s.length) {
    const k = /^([a-z]+): /.exec(s)
    if (!k) return null
    s = s.slice(k[0].length)
    let v
    if (s[0] === '"') {
      let i = 1
      v = ''
      while (i < s.length && s[i] !== '"') { if (s[i] === '\\') i++; v += s[i++] }
      s = s.slice(i + 1)
    } else {
      const j = s.indexOf(', ')
      v = j < 0 ? s : s.slice(0, j)
      s = j < 0 ? '' : s.slice(j)
    }
    out[k[1]] = v
    if (s.startsWith(', ')) s = s.slice(2)
  }
  return out
}

function readOurs (file, cc, problems) {
  const text = readFileSync(file, 'utf8')
  if (!/^# .+\nitinerary: 1\nholidays:\n/.test(text)) problems.push(`${file}: must start with a comment line, "itinerary: 1" and "holidays:"`)
  const entries = []
  let prev = ''
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#') || line === 'itinerary: 1' || line === 'holidays:') return
    const e = parseLine(line)
    const where = `${file}:${i + 1}`
    if (!e || !e.date || !e.name) { problems.push(`${where}: cannot parse: ${line}`); return }
    if (new Date(e.date + 'T00:00:00Z').toISOString().slice(0, 10) !== e.date) problems.push(`${where}: invalid date ${e.date}`)
    const y = Number(e.date.slice(0, 4))
    if (y < FIRST || y > LAST) problems.push(`${where}: ${e.date} outside ${FIRST}-${LAST}`)
    if (e.country && e.country !== cc) problems.push(`${where}: country ${e.country} in ${cc}.yaml`)
    if (e.region && !e.region.startsWith(cc + '-')) problems.push(`${where}: region ${e.region} in ${cc}.yaml`)
    if (e.date < prev) problems.push(`${where}: not sorted by date`)
    prev = e.date
    entries.push(e)
  })
  return entries
}

function libDates (hd, year) {
  const out = new Map()
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue
    const n = Math.max(1, Math.round((h.end - h.start) / 864e5))
    let first = h.date.slice(0, 10)
    if (h.rule === SEOLLAL_BUGGY_RULE) first = addDays(first, -1)
    for (let i = 0; i < n; i++) {
      const d = addDays(first, i)
      if (Number(d.slice(0, 4)) === year && !out.has(d)) out.set(d, h.name)
    }
  }
  return out
}

function allowed (cal, side, date, name) {
  const y = Number(date.slice(0, 4))
  for (const a of ALLOW) {
    if (a.side !== side || !a.cal.test(cal)) continue
    if (a.name && !a.name.test(name)) continue
    if (a.dates && !a.dates.includes(date)) continue
    if (a.years && !a.years.includes(y)) continue
    if (a.sunday && weekday(date) !== 0) continue
    return a
  }
  return null
}

const dir = process.argv[2]
if (!dir) { console.error('usage: node check_holidays.mjs DATA_HOLIDAYS_DIR'); process.exit(2) }
const problems = []
let passed = 0
let failed = 0
const used = new Set()
const probe = new Holidays()
// Countries whose regional days are not bundled (ITIN_REGIONS_NATIONAL in
// src/holiday_calendars.inc): their regions are not compared.
const index = readFileSync(join(dirname(dirname(dir)), 'src', 'holiday_calendars.inc'), 'utf8')
const nationalOnly = new Set([...index.matchAll(/ITIN_CALENDAR\("(..)".*ITIN_REGIONS_NATIONAL/g)].map(m => m[1]))
for (const f of readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()) {
  const cc = f.slice(0, 2)
  const entries = readOurs(join(dir, f), cc, problems)
  if (!probe.getCountries()[cc]) { console.log(`note: date-holidays has no calendar for ${cc}`); continue }
  const states = probe.getStates(cc) || {}
  const regions = nationalOnly.has(cc) ? [] : [...new Set(entries.filter(e => e.region).map(e => e.region))].sort()
  for (const cal of [null, ...regions]) {
    const state = cal && (STATE[cal] || cal.slice(3))
    if (cal && !states[state]) { console.log(`note: date-holidays has no region ${cal}`); continue }
    const hd = cal ? new Holidays(cc, state) : new Holidays(cc)
    const name = cal || cc
    for (let y = FIRST; y <= LAST; y++) {
      const ours = new Map()
      for (const e of entries) {
        if (e.workday || Number(e.date.slice(0, 4)) !== y) continue
        if (e.country === cc || (cal && e.region === cal)) if (!ours.has(e.date)) ours.set(e.date, e.name)
      }
      const lib = libDates(hd, y)
      const lines = []
      for (const [d, n] of lib) {
        if (ours.has(d)) continue
        const a = allowed(name, 'lib', d, n)
        if (a) used.add(a); else lines.push(`${name} ${y}: missing ${d} (date-holidays: ${n})`)
      }
      for (const [d, n] of ours) {
        if (lib.has(d)) continue
        const a = allowed(name, 'ours', d, n)
        if (a) used.add(a); else lines.push(`${name} ${y}: extra ${d} ${n} (not a public holiday in date-holidays)`)
      }
      if (lines.length) { failed++; lines.forEach(l => console.log(l)) } else passed++
    }
  }
}
for (const p of problems) console.log(p)
if (problems.length) failed++
for (const a of ALLOW) if (!used.has(a)) console.log(`note: allow rule not needed: ${a.cal} ${a.side} ${a.name || a.dates} (${a.reason})`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
