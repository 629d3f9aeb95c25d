/* export_json: the resolved itinerary for other programs (format §11), one
 * item per line. Values are built and serialised with jansson; only the
 * outer skeleton is written here, so that a large itinerary streams. */
#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

static const char *const KINDS[] = {"visit", "travel", "transfer", "lodging"};
static const char *const STATUS[] = {"confirmed", "tentative", "cancelled"};

/* "2022-11-22T09:30:00+01:00": the local time with its offset. */
static json_t *
iso_local(itin_date date, int minutes, int offset)
{
    char ds[16], buf[40];
    int off = offset < 0 ? -offset : offset;
    snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", itin_date_format(date, ds), minutes / 60, minutes % 60,
             offset < 0 ? '-' : '+', off / 3600, off % 3600 / 60);
    return json_string(buf);
}

static json_t *
date_value(itin_date date)
{
    char ds[16];
    return json_string(itin_date_format(date, ds));
}

static void
set_text(json_t *o, const char *key, const char *value)
{
    if (value)
        json_object_set_new(o, key, json_string(value));
}

static json_t *
place(const itin_plan *P, size_t inst)
{
    const itin_institution *I = &P->institutions[inst];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(I->id));
    json_object_set_new(o, "name", json_string(I->name));
    set_text(o, "address", I->address);
    set_text(o, "city", I->city);
    return o;
}

static json_t *
who(const itin_plan *P, const uint64_t *mask)
{
    json_t *a = json_array();
    for (size_t i = 0; i < P->delegation.n_participants; i++)
        if ((mask[i / 64] >> (i % 64)) & 1)
            json_array_append_new(a, json_string(P->delegation.participants[i].id));
    return a;
}

static json_t *
item_json(const itin_plan *P, const itin_item *x, itin_date day)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(KINDS[x->kind]));
    json_object_set_new(o, "id", json_string(x->id));
    json_object_set_new(o, "title", json_string(x->title));
    if (x->all_day) {
        json_object_set_new(o, "start", date_value(x->local_start_date));
        json_object_set_new(o, "end", date_value(x->local_end_date));
        json_object_set_new(o, "night", date_value(day));
    } else {
        json_object_set_new(o, "start", iso_local(x->local_start_date, x->local_start, x->offset_start));
        json_object_set_new(o, "end", iso_local(x->local_end_date, x->local_end, x->offset_end));
    }
    json_object_set_new(o, "timezone", json_string(x->tz_start));
    if (strcmp(x->tz_end, x->tz_start) != 0)
        json_object_set_new(o, "end_timezone", json_string(x->tz_end));
    if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) {
        json_object_set_new(o, "place", place(P, x->place));
    } else {
        json_object_set_new(o, "from", place(P, x->from));
        json_object_set_new(o, "to", place(P, x->to));
        json_object_set_new(o, "mode", json_string(itin_mode_name(x->mode)));
    }
    json_object_set_new(o, "with", who(P, x->who));
    if (x->everyone)
        json_object_set_new(o, "everyone", json_true());
    if (x->kind == ITIN_ITEM_VISIT) {
        const itin_visit *v = x->visit;
        json_object_set_new(o, "status", json_string(STATUS[x->status]));
        json_object_set_new(o, "fixed", json_boolean(x->fixed));
        if (v->n_topics) {
            json_t *t = json_array();
            for (size_t i = 0; i < v->n_topics; i++)
                json_array_append_new(t, json_string(v->topics[i]));
            json_object_set_new(o, "topics", t);
        }
        set_text(o, "host", v->host);
        set_text(o, "description", v->description);
    } else if (x->kind == ITIN_ITEM_TRAVEL) {
        set_text(o, "ref", x->leg->ref);
    } else if (x->kind == ITIN_ITEM_TRANSFER) {
        json_object_set_new(o, "minutes", json_integer(x->minutes));
        if (x->distance_km > 0)
            json_object_set_new(o, "distance_km", json_real((double)(long)(x->distance_km * 10 + 0.5) / 10));
        json_object_set_new(o, "estimated", json_boolean(x->estimated));
        json_object_set_new(o, "between", json_pack("[ss]", x->from_item, x->to_item));
    }
    return o;
}

static json_t *
delegation_json(const itin_plan *P)
{
    const itin_delegation *D = &P->delegation;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(D->id));
    json_object_set_new(o, "title", json_string(D->title));
    set_text(o, "lead", D->lead);
    json_object_set_new(o, "start", date_value(D->start));
    json_object_set_new(o, "end", date_value(D->end));
    json_object_set_new(o, "timezone", json_string(D->timezone));
    json_object_set_new(o, "language", json_string(D->language));
    if (D->revision >= 0)
        json_object_set_new(o, "revision", json_integer(D->revision));
    return o;
}

static json_t *
participant_json(const itin_participant *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(p->id));
    json_object_set_new(o, "name", json_string(p->name));
    set_text(o, "role", p->role);
    set_text(o, "org", p->org);
    set_text(o, "email", p->email);
    set_text(o, "phone", p->phone);
    return o;
}

static json_t *
diag_json(const itin_diag *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "severity", json_string(g->severity == ITIN_NOTE ? "note" : itin_severity_name(g->severity)));
    if (g->pos.file)
        json_object_set_new(o, "file", json_string(g->pos.file));
    if (g->pos.line > 0) {
        json_object_set_new(o, "line", json_integer(g->pos.line));
        json_object_set_new(o, "column", json_integer(g->pos.col));
    }
    json_object_set_new(o, "message", json_string(g->message));
    return o;
}

/* Serialise one value on the current line; consumes it. */
static int
emit(FILE *out, json_t *v)
{
    int rc = json_dumpf(v, out, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(v);
    return rc;
}

int
itin_export_json(const itin_itinerary *it, const itin_diags *d, FILE *out)
{
    const itin_plan *P = it->plan;
    int bad = 0;
    fputs("{\n  \"itinerary\": 1,\n  \"delegation\": ", out);
    bad |= emit(out, delegation_json(P));
    fputs(",\n  \"participants\": [", out);
    for (size_t i = 0; i < P->delegation.n_participants; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        bad |= emit(out, participant_json(&P->delegation.participants[i]));
    }
    fputs(P->delegation.n_participants ? "\n  ],\n  \"days\": [" : "],\n  \"days\": [", out);
    for (size_t k = 0; k < it->n_days; k++) {
        const itin_day *day = &it->days[k];
        char ds[16];
        fprintf(out, "%s\n    {\"date\": \"%s\", \"day\": %d, \"items\": [", k ? "," : "",
                itin_date_format(day->date, ds), day->number);
        for (size_t i = 0; i < day->n_items; i++) {
            fputs(i ? ",\n      " : "\n      ", out);
            bad |= emit(out, item_json(P, &it->items[day->items[i]], day->date));
        }
        fputs(day->n_items ? "\n    ]}" : "]}", out);
    }
    fputs(it->n_days ? "\n  ],\n  \"diagnostics\": [" : "],\n  \"diagnostics\": [", out);
    size_t shown = 0;
    for (size_t i = 0; d && i < d->count; i++) {
        fputs(shown++ ? ",\n    " : "\n    ", out);
        bad |= emit(out, diag_json(&d->items[i]));
    }
    fputs(shown ? "\n  ]\n}\n" : "]\n}\n", out);
    if (bad && !errno)
        errno = EIO;
    return bad || ferror(out) ? -1 : 0;
}
