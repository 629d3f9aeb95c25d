/* ics_event: one VEVENT of the iCalendar exporter for each item — its times,
 * texts, status, organizer, attendees and alarm — and the UID that names it
 * (see export_ics.c for the choices). */
#include <stdlib.h>
#include <string.h>

#include "ics.h"
#include "text.h"

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

/* "Name, Name, …" or the word for everyone. */
static void
attendees_line(ics_ctx *C, itin_strbuf *b, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    itin_strbuf names = {0};
    if (x->everyone) { /* decided by the loader and the scheduler */
        itin_strbuf_puts(&names, itin_label_text(C->lang, L_EVERYONE));
    } else {
        for (size_t i = 0; i < D->n_participants; i++)
            if (has_bit(x->who, i))
                itin_ics_put_piece(&names, ", ",
                                   D->participants[i].name ? tr(C, D->participants[i].name, NULL)
                                                           : D->participants[i].id);
    }
    desc_line(b, itin_label_text(C->lang, L_WITH), itin_strbuf_str(&names));
    free(names.s);
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

static void
add_description(ics_ctx *C, icalcomponent *ev, const itin_item *x)
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
    case ITIN_ITEM_TRANSFER: {
        /* As the agenda says it: "by car, 1 h 20 min (estimated), 62.5 km". */
        const char *how = itin_arena_printf(C->A, "%s%s%s", itin_mode_label(l, x->mode), itin_comma(l),
                                            itin_duration_text(C->A, l, x->minutes));
        if (x->estimated)
            how = itin_arena_printf(C->A, "%s (%s)", how, itin_label_text(l, L_ESTIMATED));
        if (x->distance_km > 0)
            how = itin_arena_printf(C->A, "%s%s%s", how, itin_comma(l),
                                    itin_distance_text(C->A, l, x->distance_km));
        itin_ics_put_text(&b, how, true);
        attendees_line(C, &b, x);
        break;
    }
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
    if (b.len) {
        /* Its labels are in the calendar's language, whatever the file's
         * texts among them fell back to. */
        icalproperty *p = icalproperty_new_description(itin_strbuf_str(&b));
        set_language(p, C->lang);
        icalcomponent_add_property(ev, p);
    }
    free(b.s);
}

static void
add_location(ics_ctx *C, icalcomponent *ev, const itin_item *x)
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
    if (b.len) {
        icalproperty *p = icalproperty_new_location(itin_strbuf_str(&b));
        set_language(p, lang);
        icalcomponent_add_property(ev, p);
    }
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

/* ATTENDEEs of an invitation; returns how many. */
static size_t
add_attendees(ics_ctx *C, icalcomponent *ev, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    size_t n = 0;
    for (size_t i = 0; i < D->n_participants; i++) {
        const itin_participant *pa = &D->participants[i];
        const char *email = itin_ics_usable_email(pa->email);
        if (!has_bit(x->who, i) || !email)
            continue;
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
        icalcomponent_add_property(ev, p);
        n++;
    }
    return n;
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

/* A VALARM that shows `text` `minutes` before the event starts. */
static void
add_alarm(icalcomponent *ev, int minutes, const char *text)
{
    icalcomponent *al = icalcomponent_new_valarm();
    icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    struct icaltriggertype tr = icaltriggertype_from_int(-minutes * 60);
    icalcomponent_add_property(al, icalproperty_new_trigger(tr));
    icalcomponent_add_property(al, icalproperty_new_description(text));
    icalcomponent_add_component(ev, al);
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

/* The VEVENT of one item, or NULL when it has no place in this calendar. */
icalcomponent *
itin_ics_vevent(ics_ctx *C, const itin_item *x, const char *uid)
{
    const itin_plan *P = C->P;
    bool cancelled = x->kind == ITIN_ITEM_VISIT && x->status == ITIN_CANCELLED;
    if (C->invite && (cancelled || count_attendees_with_email(C, x) == 0))
        return NULL;

    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(uid));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(C->dtstamp));
    icalcomponent_add_property(ev, icalproperty_new_sequence(C->sequence));
    if (x->all_day) {
        icalcomponent_add_property(
            ev, icalproperty_new_dtstart(itin_ics_local_time(x->local_start_date, 0, true)));
        icalcomponent_add_property(ev,
                                   icalproperty_new_dtend(itin_ics_local_time(x->local_end_date, 0, true)));
    } else {
        itin_ics_add_time(ev, false, x);
        itin_ics_add_time(ev, true, x);
    }
    itin_lang summary_lang;
    char *summary = summary_text(C, x, &summary_lang);
    icalproperty *sp = icalproperty_new_summary(summary);
    set_language(sp, summary_lang);
    icalcomponent_add_property(ev, sp);
    add_location(C, ev, x);
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING || x->kind == ITIN_ITEM_MEETING) &&
        x->place != ITIN_NO_PLACE) {
        const itin_institution *I = &P->institutions[x->place];
        if (I->has_geo)
            icalcomponent_add_property(ev, icalproperty_new_geo((struct icalgeotype){I->lat, I->lon}));
    }
    add_description(C, ev, x);
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) && x->place != ITIN_NO_PLACE) {
        const char *url = P->institutions[x->place].url;
        if (url && *url) {
            char *u = itin_ics_uri_text(url);
            icalcomponent_add_property(ev, icalproperty_new_url(u));
            free(u);
        }
    }
    icalproperty_status st = ICAL_STATUS_CONFIRMED;
    if (x->kind == ITIN_ITEM_VISIT && x->status == ITIN_TENTATIVE)
        st = ICAL_STATUS_TENTATIVE;
    else if (cancelled)
        st = ICAL_STATUS_CANCELLED;
    icalcomponent_add_property(ev, icalproperty_new_status(st));
    icalcomponent_add_property(ev, icalproperty_new_transp(x->kind == ITIN_ITEM_LODGING || cancelled
                                                               ? ICAL_TRANSP_TRANSPARENT
                                                               : ICAL_TRANSP_OPAQUE));
    icalcomponent_add_property(ev, icalproperty_new_categories(itin_item_kind_name(x->kind)));
    if (C->organizer_email)
        icalcomponent_add_property(ev, organizer_property(C));
    if (C->invite)
        add_attendees(C, ev, x);

    int reminder = P->delegation.reminder;
    if (reminder >= 0 && !cancelled && wants_alarm(C, x))
        add_alarm(ev, reminder, summary);
    free(summary);
    return ev;
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
