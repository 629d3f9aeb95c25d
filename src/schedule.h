/* schedule: what the scheduler's steps (schedule*.c) share — the state of one
 * run and the helpers each step offers the others. */
#ifndef ITIN_SCHEDULE_H
#define ITIN_SCHEDULE_H

#include "arena.h"
#include "datetime.h"
#include "diag.h"
#include "tz.h"
#include "who.h"
#include "xalloc.h"
#include "strmap.h"

#define NONE ((size_t)-1)
#define MIN 60 /* seconds */
#define DAY_S 86400

extern const char *const sched_weekdays[7];

/* One entry of a participant's timeline. */
typedef struct sched_slot {
    int64_t start, end;
    size_t item;
} sched_slot;

typedef struct sched_bucket {
    sched_slot *v;
    size_t n, cap;
} sched_bucket;

/* A pair of items some participants cannot get between, collected so that
 * one message names everyone concerned. */
typedef struct sched_conflict {
    size_t a, b;
    int need, tr, has; /* minutes */
    itin_mode mode;
    uint64_t *who;
} sched_conflict;

typedef struct sched {
    itin_plan *P;
    itin_diags *d;
    itin_arena *A;
    size_t np, words;
    itin_item *items;
    size_t n_items, cap_items;
    const itin_zone **zone; /* per institution */
    /* Participants who share every item (the same visits, legs, lodging and
     * companies) have the same timeline: one class each, kept once, on its
     * first member (its representative). cls: per participant; reps: the
     * representatives as a mask; cls_who: per class, its members' mask. */
    size_t *cls, n_cls;
    uint64_t *reps, *cls_who;
    /* Timelines: per class, per UTC day from day0; per class, the first
     * day with items and one past the last (busy_lo > busy_hi: none). */
    sched_bucket *buckets;
    int64_t day0;
    size_t n_buckets;
    size_t *busy_lo, *busy_hi;
    /* Lodging: per participant, per night from night0: institution or NONE. */
    size_t *hotel;
    itin_date night0;
    size_t n_nights;
    /* Holidays by date and what they close: "R<date>:<region>",
     * "C<date>:<country>", "A<date>" (every place with hours); working
     * days (`workday`) the same after a "W". */
    itin_strmap hol;
    /* Each institution's closed dates, sorted. */
    itin_date **closed;
    /* travel_times by (min place, max place) and mode. */
    itin_pairmap tt;
    /* Transfer minutes already worked out (or -1, reported), by the same key. */
    itin_pairmap tr_cache;
    /* Whether a pair of places is closer than walk_below (1) or not (0). */
    itin_pairmap walks;
    /* Transfer titles by their (from, to) places, as pointers. */
    itin_pairmap titles;
    /* Transfers by their two ends (item index, or a hotel night). */
    itin_pairmap transfers;
    /* Transfers' attendees, one copy of each distinct set (in A), and a
     * mask of scratch to build the next one in. */
    itin_who_set transfer_who;
    uint64_t *who_scratch;
    sched_conflict *conflicts;
    size_t n_conflicts, cap_conflicts;
    itin_strmap conflict_ix;
    size_t *visit_item;          /* item index of each visit, NONE when unplaced */
    uint8_t *lmt_reported;       /* per institution: an offset with seconds was reported */
    itin_strmap window_reported; /* "zone|date|edge" of day windows reported */
    const itin_schedule_options *opt;
    itin_match *matches; /* one per session */
} sched;

/* A local time as the file writes it, and how to speak of it. */
typedef struct sched_written {
    itin_date date;
    int minutes; /* 1440 is 24:00, the start of the next day */
    itin_offset off;
    itin_pos pos;
    const char *what; /* "start time", "departure" ... */
    bool with_date;   /* written with its date ("2023-10-29 02:30") */
    unsigned accept;  /* the warnings its item accepts */
} sched_written;

/* What the sequence rule (§13.4) keeps before item b after the transfer to
 * it: a leg's check-in, else the buffer; and after item a before the
 * transfer from it: a leg's exit time. In seconds. */
static inline int64_t
sched_before(const sched *S, const itin_item *b)
{
    return (int64_t)(b->kind == ITIN_ITEM_TRAVEL ? b->checkin : S->P->delegation.buffer) * MIN;
}

/* before(B) when A comes right before B: between two meetings of one
 * matchmaking session, the session's gap stands in for the buffer. */
static inline int64_t
sched_before_from(const sched *S, const itin_item *a, const itin_item *b)
{
    if (a->kind == ITIN_ITEM_MEETING && b->kind == ITIN_ITEM_MEETING && a->session == b->session)
        return (int64_t)a->session->gap * MIN;
    return sched_before(S, b);
}

static inline int64_t
sched_after(const itin_item *a)
{
    return a->kind == ITIN_ITEM_TRAVEL ? (int64_t)a->exit_time * MIN : 0;
}

/* Whether warning w is accepted (`accept`) on the delegation or on the
 * visit or leg of item it (NULL: the delegation only). */
static inline bool
sched_accepts(const sched *S, itin_warning w, const itin_item *it)
{
    unsigned bit = 1u << w, mine = 0;
    if (it && it->kind == ITIN_ITEM_VISIT && it->visit)
        mine = it->visit->accept;
    else if (it && it->kind == ITIN_ITEM_TRAVEL && it->leg)
        mine = it->leg->accept;
    return ((S->P->delegation.accept | mine) & bit) != 0;
}

/* schedule.c: participant masks. */
size_t sched_next_bit(const uint64_t *m, size_t words, size_t from);
size_t sched_next_rep(const sched *S, const uint64_t *m, size_t from);
void sched_add_class(const sched *S, uint64_t *mask, size_t person);
bool sched_mask_empty(const uint64_t *m, size_t words);

/* schedule_check.c: what an item is in a message ("visit", "travel leg"). */
const char *sched_item_label(const itin_item *it);

/* schedule_time.c: local times and zones. */
const itin_zone *sched_zone_of(const sched *S, size_t inst);
int64_t sched_at_local(sched *S, size_t inst, itin_date date, int minutes);
bool sched_resolve_written(sched *S, size_t inst, const sched_written *w, int64_t *out);
void sched_window(sched *S, size_t inst, itin_date date, itin_pos where, int64_t *ws, int64_t *we);
bool sched_skipped_date(sched *S, size_t inst, itin_date date, itin_pos where, const char *what,
                        const char *id);
void sched_fill_local(sched *S, itin_item *it, size_t start_inst, size_t end_inst);

/* schedule_items.c: fixed items, lodging, days. */
size_t sched_new_item(sched *S);
void sched_resolve_legs(sched *S);
size_t sched_add_visit_item(sched *S, const itin_visit *V);
void sched_set_visit_time(sched *S, size_t ix, int64_t start);
void sched_resolve_fixed_visits(sched *S);
void sched_resolve_lodging(sched *S);
void sched_add_lodging_items(sched *S);
void sched_build_days(itin_itinerary *it, itin_arena *A);

/* schedule_transfer.c: transfer estimates, travel_times, the walk along
 * every participant's timeline that adds the transfers. */
void sched_index_travel_times(sched *S);
itin_mode sched_transfer_mode(sched *S, size_t from, size_t to, itin_mode mode);
int sched_transfer_min(sched *S, size_t from, size_t to, itin_mode mode, itin_pos where);
int sched_transfer_try(sched *S, size_t from, size_t to, itin_mode mode);
void sched_walk_timelines(sched *S);
void sched_mark_shared_transfers(sched *S, size_t first_transfer);

/* schedule_hours.c: opening hours, holidays and closed dates (§13.7). */
void sched_index_closures(sched *S);
int sched_hours_weekday(const sched *S, size_t inst, itin_date date);
const char *sched_closed_reason(sched *S, size_t inst, itin_date date, bool weekly, char *buf, size_t n);
int sched_open_intervals(sched *S, const itin_visit *V, int64_t *open, int64_t *close);
bool sched_describe_hours(const sched *S, size_t inst, itin_date date, char *buf, size_t n);
void sched_warn_arrangement(sched *S, const itin_visit *V, const char *why);

/* schedule_place.c: timelines and first-fit placement. */
void sched_build_classes(sched *S);
void sched_build_timelines(sched *S);
void sched_timeline_add(sched *S, size_t person, size_t item);
size_t sched_place_start(const itin_item *it);
size_t sched_place_end(const itin_item *it);
itin_mode sched_arrival_mode(const sched *S, const itin_item *it);
size_t sched_hotel_on(const sched *S, size_t person, itin_date night);
bool sched_via_hotel(const sched *S, size_t person, const itin_item *a, const itin_item *b);
void sched_check_fixed_visit(sched *S, size_t ix);
const itin_holiday *sched_workday_of(const sched *S, size_t inst, itin_date date);
void sched_place_visits(sched *S);
bool sched_meeting_free(sched *S, size_t p, size_t inst, itin_date date, int64_t t, int minutes,
                        size_t *blocker);

/* match.c: the matchmaking sessions, solved and placed as meetings. */
void sched_matchmaking(sched *S);

/* schedule_check.c: conflicts and warnings. */
void sched_add_conflict(sched *S, size_t person, size_t a, size_t b, int need, int trm, int has,
                        itin_mode mode);
void sched_report_conflicts(sched *S);
void sched_check_items(sched *S);
void sched_check_long_days(sched *S);

/* schedule_calendar.c: places whose holidays nobody bundled or listed. */
void sched_check_calendars(sched *S);

#endif
