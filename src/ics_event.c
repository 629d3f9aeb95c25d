/* ics_event: one VEVENT of the iCalendar exporter for each item — its times,
 * texts, status, organizer, attendees and alarm — and the UID that names it
 * (see export_ics.c for the choices). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics.h"
#include "text.h"
#include "who.h"

/* A text of the file in the calendar's language (text.h); *chosen, when not
 * NULL, gets the language of what is returned. */
static const char *
tr(const ics_ctx *C, const char *s, itin_lang *chosen)
{
    return itin_text_pick(C->P, s, C->lang, chosen);
}

static const char *
place_short(const ics_ctx *C, size_t i)
{
    const itin_institution *I = &C->P->institutions[i];
    return tr(C, I->short_name ? I->short_name : I->name, NULL);
}

/* RFC 5545 §3.2.10: the language of a property's text. */
static void
set_language(icalproperty *p, itin_lang lang)
{
    icalproperty_add_parameter(p, icalparameter_new_language(itin_lang_code(lang)));
}

/* Where an event's properties go: into a component, or (text mode, with
 * the context's lines) serialised onto `out`, each distinct property built
 * and serialised by libical once. Both modes add the same properties in the
 * same order, so the text is what serialising the component would give. */
typedef struct ev_sink {
    icalcomponent *ev; /* component mode */
    ics_lines *L;      /* text mode */
    itin_strbuf *out;
    itin_strbuf key;
    bool failed;
} ev_sink;

/* The decimal digits of n, into buf (of at least 24 bytes). */
static const char *
digits(char *buf, long long n)
{
    buf[23] = '\0';
    return itin_decimal_before(buf + 23, n);
}

static void
key_piece(itin_strbuf *k, const char *s)
{
    if (!s) {
        itin_strbuf_putc(k, '-');
        return;
    }
    char n[24];
    itin_strbuf_putc(k, '|');
    itin_strbuf_puts(k, digits(n, (long long)strlen(s)));
    itin_strbuf_putc(k, '|');
    itin_strbuf_puts(k, s);
}

/* In text mode, the key of the property that `tag` (the property and its
 * fixed parts) and the pieces a and b make: each piece goes with its length
 * before it, so two different properties never share a key. NULL in
 * component mode. */
static const char *
key_of(ev_sink *s, const char *tag, const char *a, const char *b)
{
    if (!s->L)
        return NULL;
    itin_strbuf_clear(&s->key);
    itin_strbuf_puts(&s->key, tag);
    key_piece(&s->key, a);
    key_piece(&s->key, b);
    return itin_strbuf_str(&s->key);
}

/* True when the property of `key` is known and has been written. */
static bool
known(ev_sink *s, const char *key)
{
    return s->L && itin_ics_lines_put(s->L, key, s->out);
}

/* Add p (which the sink takes), remembered under key in text mode. */
static void
put(ev_sink *s, const char *key, icalproperty *p)
{
    if (!s->L)
        icalcomponent_add_property(s->ev, p);
    else if (!itin_ics_lines_add(s->L, key, p, s->out))
        s->failed = true;
}

/* A TEXT property (SUMMARY, LOCATION or DESCRIPTION) in language `lang`. */
static void
put_text(ev_sink *s, icalproperty_kind kind, itin_lang lang, const char *text)
{
    const char *tag = kind == ICAL_SUMMARY_PROPERTY    ? "SUMMARY"
                      : kind == ICAL_LOCATION_PROPERTY ? "LOCATION"
                                                       : "DESCRIPTION";
    const char *key = key_of(s, tag, itin_lang_code(lang), text);
    if (known(s, key))
        return;
    icalproperty *p = kind == ICAL_SUMMARY_PROPERTY    ? icalproperty_new_summary(text)
                      : kind == ICAL_LOCATION_PROPERTY ? icalproperty_new_location(text)
                                                       : icalproperty_new_description(text);
    set_language(p, lang);
    put(s, key, p);
}

/* A property that `tag` and n say all of, made by make(n) when not known. */
static void
put_made(ev_sink *s, const char *tag, long n, icalproperty *(*make)(long))
{
    char num[24];
    const char *key = key_of(s, tag, digits(num, n), NULL);
    if (!known(s, key))
        put(s, key, make(n));
}

/* Append "Label: text" as one line of a description, when text has any. */
static void
desc_line(itin_strbuf *b, const char *label, const char *text)
{
    if (!text || !*text)
        return;
    size_t mark = b->len;
    if (b->len)
        itin_strbuf_putc(b, '\n');
    itin_strbuf_puts(b, label);
    itin_strbuf_puts(b, ": ");
    size_t start = b->len;
    itin_ics_put_text(b, text, true);
    itin_ics_rtrim(b);
    if (b->len == start) /* nothing left after cleaning */
        itin_strbuf_truncate(b, mark);
}

static bool
has_bit(const uint64_t *w, size_t i)
{
    return w && itin_who_has(w, i);
}

/* "Name, Name, …" or the word for everyone; made once per set of
 * attendees. */
static void
attendees_line(ics_ctx *C, itin_strbuf *b, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    if (x->everyone) { /* decided by the loader and the scheduler */
        desc_line(b, itin_label_text(C->lang, L_WITH), itin_label_text(C->lang, L_EVERYONE));
        return;
    }
    size_t words = C->P->who_words;
    const char *line = itin_who_memo_get(C->who_memo, x->who, words, 0);
    if (!line) {
        itin_strbuf names = {0};
        for (size_t i = 0; i < D->n_participants; i++)
            if (has_bit(x->who, i))
                itin_ics_put_piece(&names, ", ",
                                   D->participants[i].name ? tr(C, D->participants[i].name, NULL)
                                                           : D->participants[i].id);
        line = itin_arena_strdup(C->A, itin_strbuf_str(&names));
        free(names.s);
        itin_who_memo_put(&C->who_memo, C->A, x->who, words, 0, line);
    }
    desc_line(b, itin_label_text(C->lang, L_WITH), line);
}

static void
contact_line(ics_ctx *C, itin_strbuf *b, const itin_contact *k)
{
    itin_strbuf t = {0};
    const char *parts[3] = {tr(C, k->name, NULL), k->email, k->phone};
    for (int i = 0; i < 3; i++)
        itin_ics_put_piece(&t, ", ", parts[i]);
    desc_line(b, itin_label_text(C->lang, L_CONTACT), itin_strbuf_str(&t));
    free(t.s);
}

static void
when_line(ics_ctx *C, itin_strbuf *b, const char *label, itin_date date, int minutes, const char *tz)
{
    char ds[16], line[64];
    itin_date_format(date, ds);
    snprintf(line, sizeof line, "%s %02d:%02d", ds, minutes / 60, minutes % 60);
    itin_strbuf_clear(&C->buf);
    itin_strbuf_puts(&C->buf, line);
    if (tz) {
        itin_strbuf_puts(&C->buf, " (");
        itin_strbuf_puts(&C->buf, tz);
        itin_strbuf_putc(&C->buf, ')');
    }
    desc_line(b, label, itin_strbuf_str(&C->buf));
}

/* A free-text paragraph after the lines, separated by a blank line. */
static void
desc_paragraph(itin_strbuf *b, const char *text)
{
    if (!text)
        return;
    char *t = itin_ics_clean(text, false);
    if (*t) {
        if (b->len)
            itin_strbuf_puts(b, "\n\n");
        itin_strbuf_puts(b, t);
    }
    free(t);
}

/* As the agenda says it: "by car, 1 h 20 min (estimated), 62.5 km"; made
 * once per mode, duration, estimate and distance. */
static const char *
transfer_how(ics_ctx *C, const itin_item *x)
{
    uint64_t bits;
    memcpy(&bits, &x->distance_km, sizeof bits);
    uint64_t what = ((uint64_t)x->mode << 33) | ((uint64_t)x->estimated << 32) | (uint32_t)x->minutes;
    size_t at;
    if (itin_pairmap_get(&C->hows, what, bits, &at))
        return (const char *)(uintptr_t)at;
    const char *how = itin_transfer_how(C->A, C->lang, x, true);
    itin_pairmap_put(&C->hows, what, bits, (size_t)(uintptr_t)how, NULL);
    return how;
}

static void
add_description(ics_ctx *C, ev_sink *s, const itin_item *x)
{
    const itin_plan *P = C->P;
    itin_lang l = C->lang;
    itin_strbuf b = {0};
    switch (x->kind) {
    case ITIN_ITEM_VISIT: {
        const itin_visit *v = x->visit;
        if (v && v->n_topics) {
            itin_strbuf t = {0};
            for (size_t i = 0; i < v->n_topics; i++)
                itin_ics_put_piece(&t, ", ", tr(C, v->topics[i], NULL));
            desc_line(&b, itin_label_text(l, L_TOPICS), itin_strbuf_str(&t));
            free(t.s);
        }
        if (v)
            desc_line(&b, itin_label_text(l, L_HOST), tr(C, v->host, NULL));
        if (x->place != ITIN_NO_PLACE)
            contact_line(C, &b, &P->institutions[x->place].contact);
        attendees_line(C, &b, x);
        if (v)
            desc_paragraph(&b, tr(C, v->description, NULL));
        break;
    }
    case ITIN_ITEM_TRAVEL:
        if (x->leg)
            desc_line(&b, itin_label_text(l, L_REF), x->leg->ref);
        when_line(C, &b, itin_label_text(l, L_DEPARTURE), x->local_start_date, x->local_start, x->tz_start);
        when_line(C, &b, itin_label_text(l, L_ARRIVAL), x->local_end_date, x->local_end, x->tz_end);
        attendees_line(C, &b, x);
        if (x->leg)
            desc_paragraph(&b, tr(C, x->leg->description, NULL));
        break;
    case ITIN_ITEM_TRANSFER:
        itin_ics_put_text(&b, transfer_how(C, x), true);
        attendees_line(C, &b, x);
        break;
    case ITIN_ITEM_LODGING:
        if (x->place != ITIN_NO_PLACE)
            contact_line(C, &b, &P->institutions[x->place].contact);
        attendees_line(C, &b, x);
        break;
    case ITIN_ITEM_MEETING: {
        const itin_company *h = &P->companies[x->companies[1]];
        const char *t = itin_arena_printf(C->A, "%d%s%s", x->table, x->interpreted ? ", " : "",
                                          x->interpreted ? itin_label_text(l, L_INTERPRETED) : "");
        desc_line(&b, itin_label_text(l, L_TABLE), t);
        contact_line(C, &b, &h->contact);
        attendees_line(C, &b, x);
        break;
    }
    }
    /* Its labels are in the calendar's language, whatever the file's texts
     * among them fell back to. */
    if (b.len)
        put_text(s, ICAL_DESCRIPTION_PROPERTY, C->lang, itin_strbuf_str(&b));
    free(b.s);
}

static void
add_location(ics_ctx *C, ev_sink *s, const itin_item *x)
{
    const itin_plan *P = C->P;
    itin_strbuf b = {0};
    itin_lang lang = C->lang; /* that of the (first) place's name */
    if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING) {
        if (x->place != ITIN_NO_PLACE) {
            const itin_institution *I = &P->institutions[x->place];
            itin_ics_put_piece(&b, NULL, tr(C, I->name, &lang));
            itin_ics_put_piece(&b, ", ", tr(C, I->address, NULL));
        }
    } else if (x->from != ITIN_NO_PLACE && x->to != ITIN_NO_PLACE) {
        itin_ics_put_piece(&b, NULL, tr(C, P->institutions[x->from].name, &lang));
        itin_strbuf_puts(&b, " \u2192 ");
        itin_ics_put_piece(&b, NULL, tr(C, P->institutions[x->to].name, NULL));
    }
    if (b.len)
        put_text(s, ICAL_LOCATION_PROPERTY, lang, itin_strbuf_str(&b));
    free(b.s);
}

/* The SUMMARY text (cleaned), and in *lang its language; the caller frees it. */
static char *
summary_text(ics_ctx *C, const itin_item *x, itin_lang *lang)
{
    itin_strbuf b = {0};
    *lang = C->lang;
    const char *title = x->title ? tr(C, x->title, NULL) : x->id;
    if (x->kind == ITIN_ITEM_TRAVEL && x->leg && x->leg->title_default) {
        /* A title made from mode and places: made in the calendar's language,
         * as the agenda does; the reference is in it already. */
        itin_ics_put_piece(&b, NULL,
                           itin_leg_title(C->A, C->lang, x->mode, x->leg->ref, place_short(C, x->from),
                                          place_short(C, x->to)));
        return b.s;
    }
    if (x->kind == ITIN_ITEM_TRANSFER && x->from != ITIN_NO_PLACE && x->to != ITIN_NO_PLACE)
        title = itin_arena_printf(C->A, "%s \u2192 %s", place_short(C, x->from), place_short(C, x->to));
    else if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_TRAVEL)
        tr(C, x->title, lang); /* the title alone: its own language */
    if (x->kind == ITIN_ITEM_TRANSFER || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING) {
        itin_strbuf_puts(&b, itin_label_text(C->lang, x->kind == ITIN_ITEM_TRANSFER  ? L_TRANSFER
                                                      : x->kind == ITIN_ITEM_MEETING ? L_MEETING
                                                                                     : L_LODGING));
        itin_strbuf_puts(&b, ": ");
        itin_ics_put_piece(&b, NULL, title);
    } else if (itin_ics_put_piece(&b, NULL, title) && x->kind == ITIN_ITEM_TRAVEL && x->leg) {
        size_t mark = b.len;
        itin_strbuf_puts(&b, " (");
        if (itin_ics_put_piece(&b, NULL, x->leg->ref))
            itin_strbuf_putc(&b, ')');
        else
            itin_strbuf_truncate(&b, mark);
    }
    if (!b.len)
        itin_strbuf_puts(&b, x->id);
    return b.s;
}

static icalproperty *
organizer_property(ics_ctx *C)
{
    const itin_contact *o = &C->P->delegation.organizer;
    char *uri = itin_xmalloc(strlen(C->organizer_email) + 8);
    strcpy(uri, "mailto:");
    strcat(uri, C->organizer_email);
    icalproperty *p = icalproperty_new_organizer(uri);
    free(uri);
    if (o->name && *o->name) {
        char *cn = itin_ics_param_text(o->name);
        if (*cn)
            icalproperty_add_parameter(p, icalparameter_new_cn(cn));
        free(cn);
    }
    return p;
}

static icalproperty *
attendee_property(const itin_participant *pa, const char *email)
{
    char *uri = itin_xmalloc(strlen(email) + 8);
    strcpy(uri, "mailto:");
    strcat(uri, email);
    icalproperty *p = icalproperty_new_attendee(uri);
    free(uri);
    char *cn = itin_ics_param_text(pa->name ? pa->name : pa->id);
    if (*cn)
        icalproperty_add_parameter(p, icalparameter_new_cn(cn));
    free(cn);
    icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    return p;
}

/* ATTENDEEs of an invitation. */
static void
add_attendees(ics_ctx *C, ev_sink *s, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    char num[24];
    for (size_t i = 0; i < D->n_participants; i++) {
        const itin_participant *pa = &D->participants[i];
        const char *email = itin_ics_usable_email(pa->email);
        if (!has_bit(x->who, i) || !email)
            continue;
        const char *key = key_of(s, "ATTENDEE", digits(num, (long long)i), NULL);
        if (!known(s, key))
            put(s, key, attendee_property(pa, email));
    }
}

static size_t
count_attendees_with_email(ics_ctx *C, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    size_t n = 0;
    for (size_t i = 0; i < D->n_participants; i++)
        n += has_bit(x->who, i) && itin_ics_usable_email(D->participants[i].email);
    return n;
}

static icalproperty *
make_display(long n)
{
    (void)n;
    return icalproperty_new_action(ICAL_ACTION_DISPLAY);
}

static icalproperty *
make_trigger(long minutes)
{
    return icalproperty_new_trigger(icaltriggertype_from_int((int)(-minutes * 60)));
}

/* The line that begins or ends a component of `kind`, as libical writes it. */
static void
frame(ev_sink *s, const char *word, icalcomponent_kind kind)
{
    itin_strbuf_puts(s->out, word);
    itin_strbuf_puts(s->out, icalcomponent_kind_to_string(kind));
    itin_strbuf_puts(s->out, "\r\n");
}

/* A VALARM that shows `text` `minutes` before the event starts; it comes
 * after every property of the event, as libical writes subcomponents. */
static void
add_alarm(ev_sink *s, int minutes, const char *text)
{
    ev_sink a = *s;
    if (s->L)
        frame(s, "BEGIN:", ICAL_VALARM_COMPONENT);
    else
        a.ev = icalcomponent_new_valarm();
    put_made(&a, "ACTION", 0, make_display);
    put_made(&a, "TRIGGER", minutes, make_trigger);
    const char *key = key_of(&a, "VALARM-DESCRIPTION", text, NULL);
    if (!known(&a, key))
        put(&a, key, icalproperty_new_description(text));
    s->key = a.key;
    s->failed = a.failed;
    if (s->L)
        frame(s, "END:", ICAL_VALARM_COMPONENT);
    else
        icalcomponent_add_component(s->ev, a.ev);
}

/* The reminder belongs to the moment one sets off (§17): the transfer that
 * arrives at a visit or travel leg, or the item itself when no transfer of
 * this calendar arrives there. */
static bool
wants_alarm(const ics_ctx *C, const itin_item *x)
{
    size_t ix;
    if (x->kind == ITIN_ITEM_TRANSFER)
        return x->to_item && strncmp(x->to_item, "hotel:", 6) != 0;
    if (x->kind != ITIN_ITEM_VISIT && x->kind != ITIN_ITEM_TRAVEL && x->kind != ITIN_ITEM_MEETING)
        return false;
    return !x->id || !itin_strmap_get(&C->arrivals, x->id, &ix);
}

static icalproperty *
make_sequence(long n)
{
    return icalproperty_new_sequence((int)n);
}

static icalproperty *
make_status(long st)
{
    return icalproperty_new_status((icalproperty_status)st);
}

static icalproperty *
make_transp(long t)
{
    return icalproperty_new_transp((icalproperty_transp)t);
}

static icalproperty *
make_categories(long kind)
{
    return icalproperty_new_categories(itin_item_kind_name((itin_item_kind)kind));
}

/* DTSTART, or DTEND when `end`. */
static void
add_time(ev_sink *s, bool end, const itin_item *x)
{
    ics_when w;
    if (x->all_day)
        w = (ics_when){NULL, itin_ics_local_time(end ? x->local_end_date : x->local_start_date, 0, true)};
    else
        w = itin_ics_when(end, x);
    const char *key = NULL;
    if (s->L) {
        /* Everything the property is made of: the zone, the date and time,
         * and whether it is a date or a UTC time. */
        const struct icaltimetype *t = &w.t;
        long long when = ((((long long)t->year * 100 + t->month) * 100 + t->day) * 100 + t->hour) * 100;
        when = ((when + t->minute) * 100 + t->second) * 4 + t->is_date * 2 + icaltime_is_utc(*t);
        char num[24];
        key = key_of(s, end ? "DTEND" : "DTSTART", w.tzid, digits(num, when));
    }
    if (!known(s, key))
        put(s, key, itin_ics_when_property(end, w));
}

/* The properties and alarm of the VEVENT of x (see itin_ics_vevent). */
static void
event_body(ics_ctx *C, ev_sink *s, const itin_item *x, const char *uid)
{
    const itin_plan *P = C->P;
    bool cancelled = x->kind == ITIN_ITEM_VISIT && x->status == ITIN_CANCELLED;
    put(s, NULL, icalproperty_new_uid(uid));
    const char *key = key_of(s, "DTSTAMP", NULL, NULL); /* one per calendar */
    if (!known(s, key))
        put(s, key, icalproperty_new_dtstamp(C->dtstamp));
    put_made(s, "SEQUENCE", C->sequence, make_sequence);
    add_time(s, false, x);
    add_time(s, true, x);
    itin_lang summary_lang;
    char *summary = summary_text(C, x, &summary_lang);
    put_text(s, ICAL_SUMMARY_PROPERTY, summary_lang, summary);
    add_location(C, s, x);
    char num[24];
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING) &&
        x->place != ITIN_NO_PLACE) {
        const itin_institution *I = &P->institutions[x->place];
        key = key_of(s, "GEO", digits(num, (long long)x->place), NULL);
        if (I->has_geo && !known(s, key))
            put(s, key, icalproperty_new_geo((struct icalgeotype){I->lat, I->lon}));
    }
    add_description(C, s, x);
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) && x->place != ITIN_NO_PLACE) {
        const char *url = P->institutions[x->place].url;
        key = key_of(s, "URL", digits(num, (long long)x->place), NULL);
        if (url && *url && !known(s, key)) {
            char *u = itin_ics_uri_text(url);
            put(s, key, icalproperty_new_url(u));
            free(u);
        }
    }
    icalproperty_status st = ICAL_STATUS_CONFIRMED;
    if (x->kind == ITIN_ITEM_VISIT && x->status == ITIN_TENTATIVE)
        st = ICAL_STATUS_TENTATIVE;
    else if (cancelled)
        st = ICAL_STATUS_CANCELLED;
    put_made(s, "STATUS", st, make_status);
    put_made(s, "TRANSP",
             x->kind == ITIN_ITEM_LODGING || cancelled ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE,
             make_transp);
    put_made(s, "CATEGORIES", x->kind, make_categories);
    if (C->organizer_email) {
        key = key_of(s, "ORGANIZER", NULL, NULL); /* one per calendar */
        if (!known(s, key))
            put(s, key, organizer_property(C));
    }
    if (C->invite)
        add_attendees(C, s, x);

    int reminder = P->delegation.reminder;
    if (reminder >= 0 && !cancelled && wants_alarm(C, x))
        add_alarm(s, reminder, summary);
    free(summary);
}

/* Whether x has an event in this calendar: an invitation leaves out
 * cancelled visits and events that no one with an e-mail attends. */
static bool
has_event(ics_ctx *C, const itin_item *x)
{
    bool cancelled = x->kind == ITIN_ITEM_VISIT && x->status == ITIN_CANCELLED;
    return !(C->invite && (cancelled || count_attendees_with_email(C, x) == 0));
}

icalcomponent *
itin_ics_vevent(ics_ctx *C, const itin_item *x, const char *uid)
{
    if (!has_event(C, x))
        return NULL;
    ev_sink s = {.ev = icalcomponent_new_vevent()};
    event_body(C, &s, x, uid);
    free(s.key.s);
    return s.ev;
}

int
itin_ics_vevent_text(ics_ctx *C, const itin_item *x, const char *uid, itin_strbuf *out)
{
    if (!has_event(C, x))
        return 0;
    ev_sink s = {.L = C->lines, .out = out, .key = C->key};
    frame(&s, "BEGIN:", ICAL_VEVENT_COMPONENT);
    event_body(C, &s, x, uid);
    frame(&s, "END:", ICAL_VEVENT_COMPONENT);
    C->key = s.key;
    if (s.failed) {
        errno = ENOMEM;
        return -1;
    }
    return 1;
}

void
itin_ics_uid(itin_strbuf *b, const itin_plan *P, const itin_item *x)
{
    itin_strbuf_clear(b);
    itin_strbuf_puts(b, itin_item_kind_name(x->kind));
    itin_strbuf_putc(b, '.');
    const char *id = x->id ? x->id : "";
    /* The scheduler names transfers "transfer:A:B"; the kind says it already. */
    if (x->kind == ITIN_ITEM_TRANSFER && strncmp(id, "transfer:", 9) == 0)
        id += 9;
    itin_ics_put_id(b, id);
    itin_strbuf_putc(b, '@');
    itin_ics_put_id(b, P->delegation.id ? P->delegation.id : "delegation");
    itin_strbuf_puts(b, ".itinerary");
}
