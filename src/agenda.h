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
    agenda_field *fields;
    size_t n_fields;
} agenda_entry;

typedef struct agenda_day {
    const char *heading; /* "Tag 1 · Dienstag, 22. November 2022" */
    agenda_entry *entries;
    size_t n_entries;
    agenda_field *nights; /* label "Übernachtung", text the hotel */
    size_t n_nights;
} agenda_day;

typedef struct agenda {
    itin_arena *A;
    itin_lang lang;
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
} agenda;

/* Build the agenda of an itinerary (already filtered to its audience). The
 * caller frees it with itin_agenda_free(). */
agenda *itin_agenda_build(const itin_itinerary *it, const itin_render_options *opt);
void itin_agenda_free(agenda *a);

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
 * when they name their UTC offsets); a place as name and address (or city). */
const char *itin_agenda_item_title(itin_arena *A, itin_lang lang, const itin_plan *P, const itin_item *x);
const char *itin_agenda_item_time(itin_arena *A, const itin_item *x, bool *offsets);
const char *itin_agenda_place_text(itin_arena *A, const itin_institution *I);

#endif
