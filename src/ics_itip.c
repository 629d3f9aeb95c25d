/* ics_itip: invitations to be mailed, one event a message (RFC 5546 iTIP
 * methods, carried by iMIP, RFC 6047). Outlook and KMail's invitation viewer
 * act on the first event of a METHOD:REQUEST only (KCalendarCore's
 * parseScheduleMessage returns one incidence), so a calendar of many events
 * sent as one invitation is read as one. Each message here is a calendar
 * with one METHOD, the VTIMEZONEs its event uses and that one VEVENT, built
 * by the iCalendar exporter (see export_ics.c); a revision's changes come as
 * a REQUEST per event added or changed and a CANCEL (RFC 5546 §3.2.5) per event
 * gone, for each participant with an e-mail address (docs/format.md §20.5). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff.h"
#include "ics.h"

/* Longest file name made: NAME_MAX is 255 on the systems we run on. */
#define NAME_LONGEST 200

void
itin_messages_free(itin_messages *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->items[i].name);
        free(m->items[i].text);
    }
    free(m->items);
    *m = (itin_messages){0};
}

/* "<prefix><UID before its @><suffix>", cut short with a hash when long. */
static char *
message_name(const char *prefix, const char *uid, const char *suffix)
{
    const char *at = strchr(uid, '@');
    size_t n = at ? (size_t)(at - uid) : strlen(uid);
    itin_strbuf b = {0};
    itin_strbuf_puts(&b, prefix);
    size_t room = NAME_LONGEST > b.len + strlen(suffix) + 10 ? NAME_LONGEST - b.len - strlen(suffix) - 10 : 8;
    if (n > room) {
        char hash[16];
        snprintf(hash, sizeof hash, "-%08x", (unsigned)(itin_hash_string(uid) & 0xffffffffu));
        itin_strbuf_put(&b, uid, room);
        itin_strbuf_puts(&b, hash);
    } else {
        itin_strbuf_put(&b, uid, n);
    }
    itin_strbuf_puts(&b, suffix);
    return b.s;
}

/* One message: the frame with `method`, the event's VTIMEZONEs, the event
 * (taken). */
static int
add_message(itin_messages *m, const itin_plan *P, const itin_render_options *ro, icalproperty_method method,
            icalcomponent *ev, const itin_item *x, int64_t first, int64_t last, char *name)
{
    icalcomponent *cal = itin_ics_calendar_new(P, ro, method);
    itin_ics_add_vtimezones_of(cal, &x, 1, first, last);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) {
        icalcomponent_free(cal);
        icalcomponent_free(ev);
        free(name);
        return -1;
    }
    int rc = itin_ics_emit(cal, f, "END:VCALENDAR\r\n");
    rc = rc == 0 ? itin_ics_emit(ev, f, NULL) : (icalcomponent_free(ev), rc);
    rc = itin_ics_emit_end(f, rc);
    if (fclose(f) != 0)
        rc = -1;
    if (rc != 0) {
        free(text);
        free(name);
        return -1;
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 16;
        m->items = itin_xrealloc(m->items, m->cap * sizeof *m->items);
    }
    m->items[m->n++] = (itin_message){name, text, len};
    return 0;
}

int
itin_export_invitations(const itin_itinerary *it, const itin_render_options *opt, itin_messages *out)
{
    *out = (itin_messages){0};
    itin_render_options ro = opt ? *opt : (itin_render_options){0};
    ro.invite = true;
    itin_arena *A = itin_arena_new();
    ics_ctx C;
    errno = 0;
    if (!itin_ics_ctx_init(&C, it, &ro, A)) {
        itin_arena_free(A);
        return -1;
    }
    itin_ics_ctx_arrivals(&C, it);
    ics_strset uids = {0};
    int rc = 0;
    for (size_t k = 0; k < it->n_days && rc == 0; k++)
        for (size_t i = 0; i < it->days[k].n_items && rc == 0; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            itin_ics_uid(&C.buf, it->plan, x);
            char *uid = itin_xstrdup(itin_strbuf_str(&C.buf));
            icalcomponent *ev = itin_ics_strset_add(&uids, uid) ? itin_ics_vevent(&C, x, uid) : NULL;
            if (ev)
                rc = add_message(out, it->plan, &ro, ICAL_METHOD_REQUEST, ev, x, x->start, x->end,
                                 message_name("", uid, ".ics"));
            free(uid);
        }
    itin_ics_strset_free(&uids);
    itin_ics_ctx_free(&C);
    itin_arena_free(A);
    if (rc != 0)
        itin_messages_free(out);
    return rc;
}

/* A CANCEL goes to the one it uninvites: its other ATTENDEEs go. */
static void
only_attendee(icalcomponent *ev, const char *email, const char *name)
{
    bool kept = false;
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY), *next; p; p = next) {
        next = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY);
        const char *v = icalproperty_get_attendee(p);
        if (!kept && v && strncasecmp(v, "mailto:", 7) == 0 && strcasecmp(v + 7, email) == 0) {
            /* Nobody is asked to answer a cancellation. */
            icalproperty_remove_parameter_by_kind(p, ICAL_RSVP_PARAMETER);
            icalproperty_remove_parameter_by_kind(p, ICAL_PARTSTAT_PARAMETER);
            kept = true;
            continue;
        }
        icalcomponent_remove_property(ev, p);
        icalproperty_free(p);
    }
    if (kept)
        return;
    char *uri = itin_xmalloc(strlen(email) + 8);
    strcpy(uri, "mailto:");
    strcat(uri, email);
    icalproperty *p = icalproperty_new_attendee(uri);
    free(uri);
    char *cn = itin_ics_param_text(name);
    if (*cn)
        icalproperty_add_parameter(p, icalparameter_new_cn(cn));
    free(cn);
    icalcomponent_add_property(ev, p);
}

/* The language of participant `id` in plan P, or NULL when they have none
 * of their own (or are not in P). */
static const char *
own_language(const itin_plan *P, const char *id)
{
    for (size_t i = 0; i < P->delegation.n_participants; i++)
        if (strcmp(P->delegation.participants[i].id, id) == 0)
            return P->delegation.participants[i].language;
    return NULL;
}

int
itin_export_diff_invitations(const itin_diff *diff, const itin_diff_options *opt, itin_messages *out)
{
    static const itin_diff_options none;
    if (!opt)
        opt = &none;
    *out = (itin_messages){0};
    uint64_t *one = itin_xcalloc(diff->words ? diff->words : 1, sizeof *one);
    int rc = 0;
    for (size_t u = 0; u < diff->n_people && rc == 0; u++) {
        const itin_participant *p = diff->people[u];
        const char *email = itin_ics_usable_email(p->email);
        if (!email || (opt->mask && !itin_who_has(opt->mask, u)))
            continue;
        memset(one, 0, diff->words * sizeof *one);
        itin_who_add(one, u);
        itin_diff_options mine = *opt;
        mine.mask = one;
        mine.personal = true;
        mine.audience = p->name ? p->name : p->id;
        if (!opt->lang) {
            const itin_plan *before = diff->before->plan;
            const char *then = own_language(before, p->id);
            mine.lang = own_language(diff->after->plan, p->id);
            mine.lang_before = then ? then : before->delegation.language;
        }
        ics_update up;
        if (itin_ics_update_build(diff, &mine, true, &up) != 0) {
            rc = -1;
            break;
        }
        itin_strbuf uid = {0}, prefix = {0};
        itin_strbuf_puts(&prefix, p->id);
        itin_strbuf_putc(&prefix, '.');
        for (size_t i = 0; i < up.n && rc == 0; i++) {
            icalcomponent *ev = up.events[i];
            up.events[i] = NULL;
            itin_strbuf_clear(&uid);
            itin_strbuf_puts(&uid, icalcomponent_get_uid(ev));
            if (up.gone[i])
                only_attendee(ev, email, mine.audience);
            rc = add_message(out, up.plan, &up.ro, up.gone[i] ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST, ev,
                             up.items[i], up.items[i]->start, up.items[i]->end,
                             message_name(itin_strbuf_str(&prefix), itin_strbuf_str(&uid),
                                          up.gone[i] ? ".cancel.ics" : ".request.ics"));
        }
        free(uid.s);
        free(prefix.s);
        itin_ics_update_free(&up);
    }
    free(one);
    if (rc != 0)
        itin_messages_free(out);
    return rc;
}
