/* schedule_time: local times and zones (§13.1) — a time as written becomes
 * an instant, once, here: clock changes, skipped dates, explicit offsets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "values.h"

const itin_zone *
sched_zone_of(const sched *S, size_t inst)
{
    return S->zone[inst];
}

/* "+01:00", or "+00:53:28" for an offset with seconds. */
static const char *
sched_offset_text(char *buf, int off)
{
    int a = off < 0 ? -off : off;
    if (a % 60)
        snprintf(buf, 16, "%c%02d:%02d:%02d", off < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
    else
        snprintf(buf, 16, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    return buf;
}

/* Local minutes of the day of an instant. */
static int
sched_local_minutes(const itin_zone *z, int64_t t)
{
    int m;
    itin_zone_local(z, t, NULL, &m, NULL);
    return m;
}

/* The instant of a local date and minute at a place, without a word: a time
 * the clocks skip is read with the offset before the gap, one they show
 * twice is taken at its first occurrence (RFC 5545 §3.3.5). For opening
 * hours, lodging nights, and the ends of days. */
int64_t
sched_at_local(sched *S, size_t inst, itin_date date, int minutes)
{
    int64_t t[2];
    itin_zone_resolve(sched_zone_of(S, inst), date, minutes, t);
    return t[0];
}

/* "from 02:00 to 03:00": the local times either side of the gap a
 * nonexistent time falls in (t as itin_zone_resolve gives it). */
static const char *
sched_gap_text(const itin_zone *z, const int64_t t[2], char *buf, size_t n)
{
    int64_t at = itin_zone_transition(z, t[1], t[0]);
    char a[8], b[8];
    snprintf(buf, n, "the clocks jump from %s to %s", itin_hm(sched_local_minutes(z, at - 1) + 1, a),
             itin_hm(sched_local_minutes(z, at), b));
    return buf;
}

/* The instant of a time as written at a place, or false (reported) when it
 * does not exist, names an offset the place does not have then, or falls on
 * a date the zone skipped. A time the clocks show twice is taken at its
 * first occurrence with a warning that names both offsets, unless the file
 * wrote the offset. */
bool
sched_resolve_written(sched *S, size_t inst, const sched_written *w, int64_t *out)
{
    const itin_zone *z = sched_zone_of(S, inst);
    const char *zn = itin_zone_name(z);
    char ds[16], hm[8], o0[16], o1[16], o2[16], why[64];
    itin_date date = w->date + (w->minutes >= 1440);
    int minutes = w->minutes % 1440;
    itin_date_format(date, ds);
    itin_hm(minutes, hm);
    if (itin_zone_skips_date(z, date)) {
        itin_diags_add(S->d, ITIN_ERROR, w->pos,
                       "%s %s %s: the date %s never happened in %s (the zone skipped that day)", w->what, ds,
                       hm, ds, zn);
        return false;
    }
    int64_t t[2];
    itin_local_kind k = itin_zone_resolve(z, date, minutes, t);
    int64_t local = (int64_t)date * DAY_S + (int64_t)minutes * MIN;
    if (w->off.given) {
        int64_t u = local - w->off.seconds;
        if (k != ITIN_LOCAL_GAP && itin_zone_offset(z, u) == w->off.seconds) {
            *out = u;
            return true;
        }
        sched_offset_text(o0, w->off.seconds);
        if (k == ITIN_LOCAL_GAP)
            itin_diags_add(S->d, ITIN_ERROR, w->pos, "%s %s %s%s does not exist in %s (%s)", w->what, ds, hm,
                           o0, zn, sched_gap_text(z, t, why, sizeof why));
        else
            itin_diags_add(S->d, ITIN_ERROR, w->pos,
                           "%s %s %s%s is not a time of %s: there %s is at UTC%s%s%s", w->what, ds, hm, o0,
                           zn, hm, sched_offset_text(o1, (int)(local - t[0])),
                           k == ITIN_LOCAL_AMBIGUOUS ? " or at UTC" : "",
                           k == ITIN_LOCAL_AMBIGUOUS ? sched_offset_text(o2, (int)(local - t[1])) : "");
        return false;
    }
    if (k == ITIN_LOCAL_GAP) {
        itin_diags_add(S->d, ITIN_ERROR, w->pos, "%s %s %s does not exist in %s (%s)", w->what, ds, hm, zn,
                       sched_gap_text(z, t, why, sizeof why));
        return false;
    }
    if (k == ITIN_LOCAL_AMBIGUOUS &&
        !((S->P->delegation.accept | w->accept) & (1u << ITIN_W_AMBIGUOUS_TIME))) {
        sched_offset_text(o1, (int)(local - t[0]));
        sched_offset_text(o2, (int)(local - t[1]));
        itin_diags_warn(S->d, ITIN_W_AMBIGUOUS_TIME, w->pos,
                        "%s %s %s happens twice in %s, at UTC%s and again at UTC%s (the clocks go back); the "
                        "first (%s) is taken: write \"%s%s%s%s\" for the second",
                        w->what, ds, hm, zn, o1, o2, o1, w->with_date ? ds : "", w->with_date ? " " : "", hm,
                        o2);
    }
    *out = t[0];
    return true;
}

/* One end of the day window at a place on a date. A time the clocks skip
 * is an error and one they show twice a warning, once per place, date and
 * end, at `where` (nothing when where.line is 0); 00:00 is the start of the
 * day, whenever the clocks begin it. */
static int64_t
sched_window_edge(sched *S, size_t inst, itin_date date, int minutes, itin_pos where, const char *edge)
{
    const itin_zone *z = sched_zone_of(S, inst);
    int64_t t[2];
    itin_local_kind k = itin_zone_resolve(z, date, minutes, t);
    if (k == ITIN_LOCAL_OK || minutes == 0 || where.line == 0 || itin_zone_skips_date(z, date))
        return t[0];
    char key[128], ds[16], hm[8], o1[16], o2[16], why[64];
    snprintf(key, sizeof key, "%s|%d|%s", itin_zone_name(z), (int)date, edge);
    if (itin_strmap_get(&S->window_reported, key, NULL))
        return t[0];
    itin_strmap_put(&S->window_reported, itin_arena_strdup(S->A, key), 0, NULL);
    itin_date_format(date, ds);
    itin_hm(minutes, hm);
    int64_t local = (int64_t)date * DAY_S + (int64_t)minutes * MIN;
    if (k == ITIN_LOCAL_GAP)
        itin_diags_add(S->d, ITIN_ERROR, where, "the day window's %s %s does not exist on %s in %s (%s)",
                       edge, hm, ds, itin_zone_name(z), sched_gap_text(z, t, why, sizeof why));
    else if (!sched_accepts(S, ITIN_W_AMBIGUOUS_TIME, NULL))
        itin_diags_warn(
            S->d, ITIN_W_AMBIGUOUS_TIME, where,
            "the day window's %s %s happens twice on %s in %s, at UTC%s and again at UTC%s (the clocks "
            "go back); the first (%s) is taken",
            edge, hm, ds, itin_zone_name(z), sched_offset_text(o1, (int)(local - t[0])),
            sched_offset_text(o2, (int)(local - t[1])), o1);
    return t[0];
}

/* Day window of a date at a place, as absolute times (§13.6). */
void
sched_window(sched *S, size_t inst, itin_date date, itin_pos where, int64_t *ws, int64_t *we)
{
    const itin_delegation *D = &S->P->delegation;
    *ws = sched_window_edge(S, inst, date, D->day_start, where, "start");
    *we = D->day_end >= 1440 ? sched_at_local(S, inst, date + 1, 0)
                             : sched_window_edge(S, inst, date, D->day_end, where, "end");
}

/* An error for a visit on a date its place's zone skipped; true when so. */
bool
sched_skipped_date(sched *S, size_t inst, itin_date date, itin_pos where, const char *what, const char *id)
{
    const itin_zone *z = sched_zone_of(S, inst);
    if (!itin_zone_skips_date(z, date))
        return false;
    char ds[16];
    itin_diags_add(S->d, ITIN_ERROR, where,
                   "%s '%s' is on %s, a date that never happened in %s (the zone skipped that day)", what, id,
                   itin_date_format(date, ds), itin_zone_name(z));
    return true;
}

/* The local dates, times and offsets of an item. An offset that is not a
 * whole number of minutes (local mean time, before a zone took up standard
 * time) cannot be written in the outputs: an error, once per place. */
void
sched_fill_local(sched *S, itin_item *it, size_t start_inst, size_t end_inst)
{
    const itin_zone *zs = sched_zone_of(S, start_inst), *ze = sched_zone_of(S, end_inst);
    it->tz_start = itin_zone_name(zs);
    it->tz_end = itin_zone_name(ze);
    itin_zone_local(zs, it->start, &it->local_start_date, &it->local_start, &it->offset_start);
    itin_zone_local(ze, it->end, &it->local_end_date, &it->local_end, &it->offset_end);
    it->date = it->local_start_date;
    bool bad_start = it->offset_start % 60 != 0, bad_end = it->offset_end % 60 != 0;
    size_t inst = bad_start ? start_inst : end_inst;
    if ((!bad_start && !bad_end) || S->lmt_reported[inst])
        return;
    S->lmt_reported[inst] = 1;
    char ds[16], off[16];
    itin_diags_add(
        S->d, ITIN_ERROR, it->pos,
        "'%s' falls on %s, when %s was at UTC%s (local mean time): offsets that are not whole minutes "
        "are not supported (see the zone's history in tzdata)",
        it->id, itin_date_format(bad_start ? it->local_start_date : it->local_end_date, ds),
        itin_zone_name(bad_start ? zs : ze),
        sched_offset_text(off, bad_start ? it->offset_start : it->offset_end));
}
