/* agenda: an itinerary as localized text blocks, before any layout. The
 * text and Markdown exporters lay out the same agenda. */
#ifndef ITIN_AGENDA_H
#define ITIN_AGENDA_H

#include <stdio.h>

#include "i18n.h"

/* A labelled line ("Ort: WFS, Bertolt-Brecht-Allee 22"), a line of its own
 * without a label when label is "", or a paragraph of free text when label
 * is NULL. */
typedef struct agenda_field {
    const char *label;
    const char *text;
} agenda_field;

typedef struct agenda_entry {
    const char *time; /* "10:00–11:00", "18:05–14:25 +1" */
    const char *title;
    bool offsets;     /* the time names its UTC offsets: "02:30 (UTC+02:00)–02:00
                         (UTC+01:00)", the clocks changing during the item */
    const char *zone; /* set when the local time zone or its offset changes here */
    itin_item_kind kind;
    bool free_time; /* a long gap between items, not an item */
    itin_status status;
    const itin_item *item; /* the itinerary's item it shows */
    agenda_field *fields;
    size_t n_fields;
} agenda_entry;

typedef struct agenda_day {
    const char *heading; /* "Tag 1 · Dienstag, 22. November 2022" */
    const itin_day *day; /* the itinerary's day it shows */
    agenda_entry *entries;
    size_t n_entries;
    agenda_field *nights; /* label "Übernachtung", text the hotel */
    size_t n_nights;
} agenda_day;

typedef struct agenda {
    itin_arena *A;
    const itin_plan *plan;
    itin_lang lang;       /* its language, the first of two */
    itin_langs langs;     /* one language, or two for a bilingual agenda */
    const char *no_items; /* "No appointments." for an empty day */
    const char *title;
    agenda_field *head; /* lead, organiser, dates, revision, audience */
    size_t n_head;
    agenda_day *days;
    size_t n_days;
    const char *people_heading;
    agenda_field *people; /* label: the name; text: role, organisation, contact */
    size_t n_people;
    const char *contacts_heading;
    agenda_field *contacts;
    size_t n_contacts;
    const uint64_t *group_masks;    /* each group's members, made when first needed */
    struct itin_who_memo *who_memo; /* attendee lines made so far, by mask */
    struct agenda_stream *stream;   /* built a day at a time: what comes next */
    struct itin_pairmap *hows;      /* a transfer's "by bus, 20 min", by mode, minutes
                                       and distance (the text's address) */
} agenda;

/* Build the agenda of an itinerary (already filtered to its audience). The
 * caller frees it with itin_agenda_free(). */
agenda *itin_agenda_build(const itin_itinerary *it, const itin_render_options *opt);
void itin_agenda_free(agenda *a);

/* The same agenda a day at a time, for writers that need one day in memory
 * (the text and Markdown of a whole itinerary): itin_agenda_begin builds
 * all but the days (a->days stays empty); each itin_agenda_next_day builds
 * the next, in memory the call after it reuses, until it returns NULL. */
agenda *itin_agenda_begin(const itin_itinerary *it, const itin_render_options *opt);
const agenda_day *itin_agenda_next_day(agenda *a);
/* The width of the text's time column for the agenda of `it`: that of its
 * widest time, less the rare ones that name their offsets, as
 * itin_agenda_write_text finds it on a whole agenda. */
size_t itin_agenda_time_width(const itin_itinerary *it);

/* Lay out an agenda (built here, or by another module in the same blocks,
 * such as a change notice): as text wrapped to `width` display columns
 * (0: 80), or as CommonMark. The participants and contacts sections are
 * left out when their heading is NULL. 0, or -1 with errno when writing
 * failed. */
int itin_agenda_write_text(const agenda *a, int width, FILE *f);
int itin_agenda_write_markdown(const agenda *a, FILE *f);

/* The pieces of an entry, as the agenda writes them, in the arena: an
 * item's title without status marker ("Transfer: WFS → ILK", a leg's made
 * title); its local times ("10:00–11:00", "22:00–06:15 +1"; *offsets set
 * when they name their UTC offsets); a place as name and address (or city),
 * in the agenda's language or two when the file gives them so. */
const char *itin_agenda_item_title(itin_arena *A, const itin_langs *ls, const itin_plan *P,
                                   const itin_item *x);
const char *itin_agenda_item_time(itin_arena *A, const itin_item *x, bool *offsets);
/* A change of zone before an entry: "Local time: Asia/Seoul (UTC+09:00)". */
const char *itin_agenda_local_time(itin_arena *A, const char *label, const char *zone, int offset);
const char *itin_agenda_place_text(itin_arena *A, const itin_plan *P, const itin_langs *ls,
                                   const itin_institution *I);

/* A label in the agenda's language or both of its languages ("Ort /
 * 장소"); one with up to two numbers ("%d") filled in, in each language
 * ("Seite 2 von 5 / 2쪽 (총 5쪽)"). In the agenda's arena. */
const char *itin_agenda_label(agenda *a, itin_label l);
const char *itin_agenda_label_nums(agenda *a, itin_label l, int x, int y);

/* Who a mask of participants is, in the agenda's words and arena: "everyone",
 * "everyone except Yoon Seo-jin" (one or two missing), the names of the
 * groups they are exactly, or their names. */
const char *itin_agenda_who(agenda *a, const uint64_t *who);

#endif
