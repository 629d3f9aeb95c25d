/* export_ics: the itinerary as an iCalendar object (RFC 5545, with the iTIP
 * methods of RFC 5546 and the calendar properties of RFC 7986), built
 * component by component with libical and serialised by it. It renders what
 * the scheduler decided and never computes a time: each DTSTART/DTEND is the
 * local date and minute the scheduler resolved, labelled with the zone of its
 * place (TZID), and each zone used comes with its VTIMEZONE.
 *
 * Choices, and why:
 *
 * - Times are local with TZID (a flight: departure zone / arrival zone), never
 *   floating and never converted to UTC, so that a calendar shows "09:00
 *   Berlin" even after a zone's rules change. The TZID is the plain IANA name:
 *   libical's VTIMEZONE carries a "/freeassociation.sourceforge.net/" prefix
 *   that cannot be switched off and that other parsers do not understand, so
 *   each zone's component is cloned and its TZID rewritten, and the TZID
 *   parameters are written here (icalproperty_new_dtstart() writes none).
 *   A place whose zone is UTC itself gets UTC times ("Z") and no VTIMEZONE.
 * - VTIMEZONEs are truncated to start on January 1 of the year before the
 *   first item (the margin keeps an item on New Year's night inside the first
 *   observance), which keeps them a few lines long and independent of tzdata's
 *   distant history. They are not truncated at the end: a bounded zone
 *   (TZUNTIL) would leave an event a user later moves into the future without
 *   an offset.
 * - UID = "<kind>.<item id>@<delegation id>.itinerary": it names the item,
 *   never its position or time, so an edit, a reorder or a re-run updates the
 *   same event, and everyone's personal calendar carries the same UID. Bytes
 *   outside [A-Za-z0-9._-] are written "+XX" in hex (transfer ids contain ':'
 *   and '@'), which keeps the mapping injective; a transfer's id loses its
 *   "transfer:" prefix, which the kind repeats.
 * - A personal calendar is the filtered itinerary it is given (opt->mask is
 *   not needed here); its events keep their full attendee lists, so that
 *   everyone's copy of an event is the same event.
 * - Lodging is one all-day, transparent event per lodging entry (DTSTART =
 *   first night, DTEND = departure date, exclusive), although the itinerary
 *   lists it on each night.
 * - METHOD:PUBLISH by default, without ATTENDEE (RFC 5546 §3.2.1 forbids it;
 *   attendees are named in DESCRIPTION) but with the ORGANIZER that §3.2.1
 *   requires, when the delegation's organizer has an e-mail address.
 * - --invite (METHOD:REQUEST, §3.2.2): ORGANIZER is required and must be a
 *   calendar address that replies can reach. Writing someone else's address
 *   (a participant's) would make that person the owner of every meeting in
 *   their client, so without an organizer e-mail the export is refused
 *   (EINVAL) rather than made up. A REQUEST needs at least one ATTENDEE and
 *   allows only STATUS TENTATIVE or CONFIRMED: events nobody with an e-mail
 *   attends, and cancelled visits (which iTIP announces with METHOD:CANCEL),
 *   are left out of the invitation; the PUBLISH calendar keeps them.
 * - Text: libical escapes \ ; , and newlines in TEXT values and folds at 75
 *   octets without splitting UTF-8, but passes TAB and other control
 *   characters through and drops CR. Every text is cleaned first: CRLF and CR
 *   become newlines, TAB a space, other control characters are dropped,
 *   invalid UTF-8 becomes U+FFFD, trailing blanks go. SUMMARY, LOCATION,
 *   NAME and parameter values are one line (newlines become spaces; some
 *   clients reject a multi-line SUMMARY); DESCRIPTION keeps its lines.
 *   X-WR-CALNAME is an X- property, of which libical escapes backslashes
 *   and newlines but not , and ;: it gets the same one-line text as NAME,
 *   and readers that take it as TEXT (calendar applications, python-
 *   icalendar) tolerate the bare , and ;. CATEGORIES values are fixed words.
 * - Folding is libical's, with one repair (see repair_folding()).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "datetime.h"
#include "i18n.h"
#include "tz.h"
#include "xalloc.h"
#include "values.h"

static const char *const KINDS[] = {"visit", "travel", "transfer", "lodging"};

/* ---------------------------------------------------------- string builder */

typedef struct sb {
    char *s;
    size_t len, cap;
} sb;

static void
sb_put(sb *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = itin_xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
sb_puts(sb *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static void
sb_putc(sb *b, char c)
{
    sb_put(b, &c, 1);
}

/* The contents as a C string ("" when empty); the builder still owns it. */
static const char *
sb_str(sb *b)
{
    if (!b->s)
        sb_put(b, "", 0);
    return b->s;
}

static void
sb_clear(sb *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

/* The length of the valid UTF-8 sequence at s (1–4), or 0 when invalid. */
static size_t
utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    unsigned cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Append `s` cleaned for a calendar (see the comment at the top): CRLF and CR
 * become a newline, a newline becomes a space when `oneline`, TAB a space;
 * other control characters are dropped and invalid UTF-8 becomes U+FFFD. */
static void
sb_text(sb *b, const char *s, bool oneline)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        if (c == '\r' || c == '\n') {
            p += (c == '\r' && p[1] == '\n') ? 2 : 1;
            sb_putc(b, oneline ? ' ' : '\n');
        } else if (c == '\t') {
            sb_putc(b, ' ');
            p++;
        } else if (c < 0x20 || c == 0x7F) {
            p++;
        } else {
            size_t n = utf8_len(p);
            if (n == 0) {
                sb_puts(b, "\xEF\xBF\xBD");
                p++;
            } else {
                sb_put(b, (const char *)p, n);
                p += n;
            }
        }
    }
}

/* Remove trailing spaces and newlines. */
static void
sb_rtrim(sb *b)
{
    while (b->len && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\n'))
        b->s[--b->len] = '\0';
}

/* A cleaned copy of s (one line or not), trimmed; the caller frees it. */
static char *
clean(const char *s, bool oneline)
{
    sb b = {0};
    sb_text(&b, s ? s : "", oneline);
    sb_rtrim(&b);
    sb_str(&b);
    return b.s;
}

/* Append clean(s, one line) after `sep` (when b is not empty); false when
 * nothing is left of s after cleaning, and then nothing is appended. */
static bool
sb_piece(sb *b, const char *sep, const char *s)
{
    if (!s)
        return false;
    char *t = clean(s, true);
    bool any = *t != '\0';
    if (any) {
        if (b->len && sep)
            sb_puts(b, sep);
        sb_puts(b, t);
    }
    free(t);
    return any;
}

/* Append "Label: text" as one line of a description, when text has any. */
static void
desc_line(sb *b, const char *label, const char *text)
{
    if (!text || !*text)
        return;
    size_t mark = b->len;
    if (b->len)
        sb_putc(b, '\n');
    sb_puts(b, label);
    sb_puts(b, ": ");
    size_t start = b->len;
    sb_text(b, text, true);
    sb_rtrim(b);
    if (b->len == start) { /* nothing left after cleaning */
        b->len = mark;
        b->s[mark] = '\0';
    }
}

/* ---------------------------------------------------------------- helpers */

static struct icaltimetype
local_time(itin_date date, int minutes, bool is_date)
{
    struct icaltimetype t = icaltime_null_time();
    itin_date_to_ymd(date, &t.year, &t.month, &t.day);
    t.is_date = is_date;
    if (!is_date) {
        t.hour = minutes / 60;
        t.minute = minutes % 60;
    }
    return t;
}

static struct icaltimetype
utc_time(int64_t t)
{
    return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

static bool
is_utc_zone(const char *name)
{
    const itin_zone *z = name ? itin_zone_get(name) : NULL;
    return z && itin_zone_ical(z) == (void *)icaltimezone_get_utc_timezone();
}

/* A zone that takes a VTIMEZONE: known to libical, with a component. */
static icaltimezone *
vtimezone_zone(const char *name)
{
    const itin_zone *z = name ? itin_zone_get(name) : NULL;
    if (!z)
        return NULL;
    icaltimezone *ical = itin_zone_ical(z);
    if (ical == icaltimezone_get_utc_timezone() || !icaltimezone_get_component(ical))
        return NULL;
    return ical;
}

/* An address usable in a mailto: URI, or NULL. */
static const char *
usable_email(const char *e)
{
    if (!e || !*e || !strchr(e, '@'))
        return NULL;
    for (const unsigned char *p = (const unsigned char *)e; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return NULL;
    return e;
}

/* A parameter value: one line, without DQUOTE (RFC 5545 §3.1 allows none). */
static char *
param_text(const char *s)
{
    char *c = clean(s, true);
    for (char *p = c; *p; p++)
        if (*p == '"')
            *p = '\'';
    return c;
}

/* Every byte outside [A-Za-z0-9._-] as "+XX" (hex). Not "%XX": python-icalendar
 * (and khal, built on it) turns "%3A" into ':' on reading any value. */
static void
sb_id(sb *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '_' || c == '-') {
            sb_putc(b, (char)c);
        } else {
            char e[3] = {'+', hex[c >> 4], hex[c & 15]};
            sb_put(b, e, 3);
        }
    }
}

/* A URI for URL: printable ASCII kept, everything else percent-encoded. */
static char *
uri_text(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    sb b = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\') {
            sb_putc(&b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            sb_put(&b, e, 3);
        }
    }
    sb_str(&b);
    return b.s;
}

/* ------------------------------------------------------------ string sets */

/* An open-addressing set of strings (UIDs, zone names); keys are owned. */
typedef struct strset {
    char **slot;
    size_t cap, n;
} strset;

static uint64_t
hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Add a copy of s; false when it was there already. */
static bool
strset_add(strset *set, const char *s)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        char **slot = itin_xmalloc(cap * sizeof *slot);
        memset(slot, 0, cap * sizeof *slot);
        for (size_t i = 0; i < set->cap; i++)
            if (set->slot[i]) {
                size_t j = hash(set->slot[i]) & (cap - 1);
                while (slot[j])
                    j = (j + 1) & (cap - 1);
                slot[j] = set->slot[i];
            }
        free(set->slot);
        set->slot = slot;
        set->cap = cap;
    }
    size_t j = hash(s) & (set->cap - 1);
    while (set->slot[j]) {
        if (strcmp(set->slot[j], s) == 0)
            return false;
        j = (j + 1) & (set->cap - 1);
    }
    set->slot[j] = itin_xstrdup(s);
    set->n++;
    return true;
}

static void
strset_free(strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slot[i]);
    free(set->slot);
    *set = (strset){0};
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ------------------------------------------------------------ the events */

typedef struct ctx {
    const itin_plan *P;
    itin_lang lang; /* the words of DESCRIPTION and SUMMARY */
    itin_arena *A;  /* their localized pieces */
    bool invite;
    const char *organizer_email;
    struct icaltimetype dtstamp;
    int sequence;
    sb buf; /* scratch */
} ctx;

/* DTSTART or DTEND of a timed item: the scheduler's local time with TZID. */
static void
add_time(icalcomponent *ev, bool end, const itin_item *x)
{
    const char *tz = end ? x->tz_end : x->tz_start;
    struct icaltimetype t;
    bool with_tzid = false;
    if (is_utc_zone(tz)) {
        t = utc_time(end ? x->end : x->start); /* a place whose zone is UTC itself */
    } else if (vtimezone_zone(tz)) {
        t = end ? local_time(x->local_end_date, x->local_end, false)
                : local_time(x->local_start_date, x->local_start, false);
        with_tzid = true;
    } else {
        /* Cannot happen for a scheduled plan (every zone was resolved); the
         * absolute time is still right. */
        t = utc_time(end ? x->end : x->start);
    }
    icalproperty *p = end ? icalproperty_new_dtend(t) : icalproperty_new_dtstart(t);
    if (with_tzid)
        icalproperty_add_parameter(p, icalparameter_new_tzid(tz));
    icalcomponent_add_property(ev, p);
}

static bool
has_bit(const uint64_t *w, size_t i)
{
    return w && itin_who_has(w, i);
}

/* "Name, Name, …" or the word for everyone. */
static void
attendees_line(ctx *C, sb *b, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    sb names = {0};
    if (x->everyone) { /* decided by the loader and the scheduler */
        sb_puts(&names, itin_label_text(C->lang, L_EVERYONE));
    } else {
        for (size_t i = 0; i < D->n_participants; i++)
            if (has_bit(x->who, i))
                sb_piece(&names, ", ",
                         D->participants[i].name ? D->participants[i].name : D->participants[i].id);
    }
    desc_line(b, itin_label_text(C->lang, L_WITH), sb_str(&names));
    free(names.s);
}

static void
contact_line(ctx *C, sb *b, const itin_contact *k)
{
    sb t = {0};
    const char *parts[3] = {k->name, k->email, k->phone};
    for (int i = 0; i < 3; i++)
        sb_piece(&t, ", ", parts[i]);
    desc_line(b, itin_label_text(C->lang, L_CONTACT), sb_str(&t));
    free(t.s);
}

static void
when_line(ctx *C, sb *b, const char *label, itin_date date, int minutes, const char *tz)
{
    char ds[16], line[64];
    itin_date_format(date, ds);
    snprintf(line, sizeof line, "%s %02d:%02d", ds, minutes / 60, minutes % 60);
    sb_clear(&C->buf);
    sb_puts(&C->buf, line);
    if (tz) {
        sb_puts(&C->buf, " (");
        sb_puts(&C->buf, tz);
        sb_putc(&C->buf, ')');
    }
    desc_line(b, label, sb_str(&C->buf));
}

/* A free-text paragraph after the lines, separated by a blank line. */
static void
desc_paragraph(sb *b, const char *text)
{
    if (!text)
        return;
    char *t = clean(text, false);
    if (*t) {
        if (b->len)
            sb_puts(b, "\n\n");
        sb_puts(b, t);
    }
    free(t);
}

static void
description(ctx *C, icalcomponent *ev, const itin_item *x)
{
    const itin_plan *P = C->P;
    itin_lang l = C->lang;
    sb b = {0};
    switch (x->kind) {
    case ITIN_ITEM_VISIT: {
        const itin_visit *v = x->visit;
        if (v && v->n_topics) {
            sb t = {0};
            for (size_t i = 0; i < v->n_topics; i++)
                sb_piece(&t, ", ", v->topics[i]);
            desc_line(&b, itin_label_text(l, L_TOPICS), sb_str(&t));
            free(t.s);
        }
        if (v)
            desc_line(&b, itin_label_text(l, L_HOST), v->host);
        if (x->place != ITIN_NO_PLACE)
            contact_line(C, &b, &P->institutions[x->place].contact);
        attendees_line(C, &b, x);
        if (v)
            desc_paragraph(&b, v->description);
        break;
    }
    case ITIN_ITEM_TRAVEL:
        if (x->leg)
            desc_line(&b, itin_label_text(l, L_REF), x->leg->ref);
        when_line(C, &b, itin_label_text(l, L_DEPARTURE), x->local_start_date, x->local_start, x->tz_start);
        when_line(C, &b, itin_label_text(l, L_ARRIVAL), x->local_end_date, x->local_end, x->tz_end);
        attendees_line(C, &b, x);
        if (x->leg)
            desc_paragraph(&b, x->leg->description);
        break;
    case ITIN_ITEM_TRANSFER: {
        /* As the agenda says it: "by car, 1 h 20 min (estimated), 62.5 km". */
        const char *how = itin_arena_printf(C->A, "%s, %s", itin_mode_label(l, x->mode),
                                            itin_duration_text(C->A, l, x->minutes));
        if (x->estimated)
            how = itin_arena_printf(C->A, "%s (%s)", how, itin_label_text(l, L_ESTIMATED));
        if (x->distance_km > 0)
            how = itin_arena_printf(C->A, "%s, %s km", how, itin_decimal(C->A, l, x->distance_km, 1));
        sb_text(&b, how, true);
        attendees_line(C, &b, x);
        break;
    }
    case ITIN_ITEM_LODGING:
        if (x->place != ITIN_NO_PLACE)
            contact_line(C, &b, &P->institutions[x->place].contact);
        attendees_line(C, &b, x);
        break;
    }
    if (b.len)
        icalcomponent_add_property(ev, icalproperty_new_description(sb_str(&b)));
    free(b.s);
}

static void
location(ctx *C, icalcomponent *ev, const itin_item *x)
{
    const itin_plan *P = C->P;
    sb b = {0};
    if (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) {
        if (x->place != ITIN_NO_PLACE) {
            const itin_institution *I = &P->institutions[x->place];
            sb_piece(&b, NULL, I->name);
            sb_piece(&b, ", ", I->address);
        }
    } else if (x->from != ITIN_NO_PLACE && x->to != ITIN_NO_PLACE) {
        sb_piece(&b, NULL, P->institutions[x->from].name);
        sb_puts(&b, " \u2192 ");
        sb_piece(&b, NULL, P->institutions[x->to].name);
    }
    if (b.len)
        icalcomponent_add_property(ev, icalproperty_new_location(sb_str(&b)));
    free(b.s);
}

/* The SUMMARY text (cleaned); the caller frees it. */
static char *
summary_text(ctx *C, const itin_item *x)
{
    sb b = {0};
    const char *title = x->title ? x->title : x->id;
    if (x->kind == ITIN_ITEM_TRAVEL && x->leg && x->leg->title_default) {
        /* A title made from mode and places: made in the calendar's language,
         * as the agenda does; the reference is in it already. */
        const itin_institution *f = &C->P->institutions[x->from], *t = &C->P->institutions[x->to];
        sb_piece(&b, NULL,
                 itin_leg_title(C->A, C->lang, x->mode, x->leg->ref, f->short_name ? f->short_name : f->name,
                                t->short_name ? t->short_name : t->name));
        return b.s;
    }
    if (x->kind == ITIN_ITEM_TRANSFER || x->kind == ITIN_ITEM_LODGING) {
        sb_puts(&b, itin_label_text(C->lang, x->kind == ITIN_ITEM_TRANSFER ? L_TRANSFER : L_LODGING));
        sb_puts(&b, ": ");
        sb_piece(&b, NULL, title);
    } else if (sb_piece(&b, NULL, title) && x->kind == ITIN_ITEM_TRAVEL && x->leg) {
        size_t mark = b.len;
        sb_puts(&b, " (");
        if (sb_piece(&b, NULL, x->leg->ref))
            sb_putc(&b, ')');
        else
            b.s[b.len = mark] = '\0';
    }
    if (!b.len)
        sb_puts(&b, x->id);
    return b.s;
}

static icalproperty *
organizer(ctx *C)
{
    const itin_contact *o = &C->P->delegation.organizer;
    char *uri = itin_xmalloc(strlen(C->organizer_email) + 8);
    strcpy(uri, "mailto:");
    strcat(uri, C->organizer_email);
    icalproperty *p = icalproperty_new_organizer(uri);
    free(uri);
    if (o->name && *o->name) {
        char *cn = param_text(o->name);
        if (*cn)
            icalproperty_add_parameter(p, icalparameter_new_cn(cn));
        free(cn);
    }
    return p;
}

/* ATTENDEEs of an invitation; returns how many. */
static size_t
add_attendees(ctx *C, icalcomponent *ev, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    size_t n = 0;
    for (size_t i = 0; i < D->n_participants; i++) {
        const itin_participant *pa = &D->participants[i];
        const char *email = usable_email(pa->email);
        if (!has_bit(x->who, i) || !email)
            continue;
        char *uri = itin_xmalloc(strlen(email) + 8);
        strcpy(uri, "mailto:");
        strcat(uri, email);
        icalproperty *p = icalproperty_new_attendee(uri);
        free(uri);
        char *cn = param_text(pa->name ? pa->name : pa->id);
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
count_attendees_with_email(ctx *C, const itin_item *x)
{
    const itin_delegation *D = &C->P->delegation;
    size_t n = 0;
    for (size_t i = 0; i < D->n_participants; i++)
        n += has_bit(x->who, i) && usable_email(D->participants[i].email);
    return n;
}

/* The VEVENT of one item, or NULL when it has no place in this calendar. */
static icalcomponent *
vevent(ctx *C, const itin_item *x, const char *uid)
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
        icalcomponent_add_property(ev, icalproperty_new_dtstart(local_time(x->local_start_date, 0, true)));
        icalcomponent_add_property(ev, icalproperty_new_dtend(local_time(x->local_end_date, 0, true)));
    } else {
        add_time(ev, false, x);
        add_time(ev, true, x);
    }
    char *summary = summary_text(C, x);
    icalcomponent_add_property(ev, icalproperty_new_summary(summary));
    location(C, ev, x);
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) && x->place != ITIN_NO_PLACE) {
        const itin_institution *I = &P->institutions[x->place];
        if (I->has_geo)
            icalcomponent_add_property(ev, icalproperty_new_geo((struct icalgeotype){I->lat, I->lon}));
    }
    description(C, ev, x);
    if ((x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_LODGING) && x->place != ITIN_NO_PLACE) {
        const char *url = P->institutions[x->place].url;
        if (url && *url) {
            char *u = uri_text(url);
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
    icalcomponent_add_property(ev, icalproperty_new_categories(KINDS[x->kind]));
    if (C->organizer_email)
        icalcomponent_add_property(ev, organizer(C));
    if (C->invite)
        add_attendees(C, ev, x);

    int reminder = P->delegation.reminder;
    if (reminder >= 0 && !cancelled && (x->kind == ITIN_ITEM_VISIT || x->kind == ITIN_ITEM_TRAVEL)) {
        icalcomponent *al = icalcomponent_new_valarm();
        icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
        struct icaltriggertype tr = icaltriggertype_from_int(-reminder * 60);
        icalcomponent_add_property(al, icalproperty_new_trigger(tr));
        icalcomponent_add_property(al, icalproperty_new_description(summary));
        icalcomponent_add_component(ev, al);
    }
    free(summary);
    return ev;
}

static void
uid_of(sb *b, const itin_plan *P, const itin_item *x)
{
    sb_clear(b);
    sb_puts(b, KINDS[x->kind]);
    sb_putc(b, '.');
    const char *id = x->id ? x->id : "";
    /* The scheduler names transfers "transfer:A:B"; the kind says it already. */
    if (x->kind == ITIN_ITEM_TRANSFER && strncmp(id, "transfer:", 9) == 0)
        id += 9;
    sb_id(b, id);
    sb_putc(b, '@');
    sb_id(b, P->delegation.id ? P->delegation.id : "delegation");
    sb_puts(b, ".itinerary");
}

/* ------------------------------------------------------------ the calendar */

static void
add_x(icalcomponent *cal, const char *name, const char *value)
{
    icalproperty *p = icalproperty_new_x(value);
    icalproperty_set_x_name(p, name);
    icalcomponent_add_property(cal, p);
}

/* The VTIMEZONE of a zone: a truncated clone with the plain IANA name. */
static icalcomponent *
vtimezone(icaltimezone *zone, const char *name, struct icaltimetype from)
{
    icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
    if (!vtz)
        return NULL;
    icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 0);
    icalproperty *tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
    if (tzid)
        icalproperty_set_tzid(tzid, name);
    else
        icalcomponent_add_property(vtz, icalproperty_new_tzid(name));
    return vtz;
}

/* The calendar's own properties and its VTIMEZONEs, and the context the
 * events are built in; the events follow one by one (see itin_export_ics). */
static icalcomponent *
build(const itin_itinerary *it, const itin_render_options *opt, itin_arena *A, ctx *ctx_out)
{
    const itin_plan *P = it->plan;
    const itin_delegation *D = &P->delegation;
    ctx C = {0};
    C.P = P;
    C.A = A;
    C.lang = itin_lang_of(opt && opt->lang ? opt->lang : D->language);
    C.invite = opt && opt->invite;
    C.organizer_email = usable_email(D->organizer.email);
    if (C.invite && !C.organizer_email) {
        errno = EINVAL; /* see the top: an invitation needs an organizer to reply to */
        return NULL;
    }
    C.dtstamp = utc_time(opt && opt->has_dtstamp ? opt->dtstamp : (int64_t)time(NULL));
    C.sequence = D->revision > 0 ? D->revision : 0;

    /* Pass 1: the zones that TZID parameters will name, and the first year. */
    strset zones = {0};
    bool any = false;
    int64_t first = 0;
    for (size_t k = 0; k < it->n_days; k++)
        for (size_t i = 0; i < it->days[k].n_items; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            if (!any || x->start < first)
                first = x->start;
            any = true;
            if (x->all_day)
                continue;
            if (vtimezone_zone(x->tz_start))
                strset_add(&zones, x->tz_start);
            if (vtimezone_zone(x->tz_end))
                strset_add(&zones, x->tz_end);
        }

    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//itinerary//itinerary " ITIN_VERSION "//EN"));
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal,
                               icalproperty_new_method(C.invite ? ICAL_METHOD_REQUEST : ICAL_METHOD_PUBLISH));
    sb name = {0};
    if (!sb_piece(&name, NULL, D->title) && !sb_piece(&name, NULL, D->id))
        sb_puts(&name, "itinerary");
    if (opt && opt->audience) {
        size_t mark = name.len;
        sb_puts(&name, " \u2013 ");
        if (!sb_piece(&name, NULL, opt->audience))
            name.s[name.len = mark] = '\0';
    }
    icalcomponent_add_property(cal, icalproperty_new_name(sb_str(&name)));
    add_x(cal, "X-WR-CALNAME", sb_str(&name));
    free(name.s);
    if (D->timezone && *D->timezone)
        add_x(cal, "X-WR-TIMEZONE", D->timezone);

    /* The zones, by name, before the events that use them. */
    int y0 = 1970, mm, dd;
    if (any) {
        itin_date_to_ymd((itin_date)((first >= 0 ? first : first - 86399) / 86400), &y0, &mm, &dd);
        y0 -= 1;
    }
    struct icaltimetype from = icaltime_null_time();
    from.year = y0;
    from.month = 1;
    from.day = 1;
    from.zone = icaltimezone_get_utc_timezone();
    char **names = itin_xmalloc((zones.n ? zones.n : 1) * sizeof *names);
    size_t nn = 0;
    for (size_t i = 0; i < zones.cap; i++)
        if (zones.slot[i])
            names[nn++] = zones.slot[i];
    qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        icalcomponent *vtz = vtimezone(vtimezone_zone(names[i]), names[i], from);
        if (vtz)
            icalcomponent_add_component(cal, vtz);
    }
    free(names);
    strset_free(&zones);

    *ctx_out = C;
    return cal;
}

/* libical 3.0.16 folds a property whose last line is 74 octets before the
 * LF of its CRLF ("…\r" "\r\n " "\n"), which parsers that split lines before
 * unfolding read as a CR and a line break inside the value. No value holds a
 * CR (the cleaning drops them), so that sequence is always this defect, and
 * the repair gives the intended "…\r\n" with no line over 75 octets. */
static size_t
repair_folding(char *s, size_t len)
{
    char *w = s;
    for (const char *r = s, *end = s + len; r < end;) {
        if (end - r >= 5 && memcmp(r, "\r\r\n \n", 5) == 0) {
            memcpy(w, "\r\n", 2);
            w += 2;
            r += 5;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

/* Serialise a component with libical, repair the fold, write it; frees the
 * component. With `upto`, only what comes before that text is written. */
static int
emit(icalcomponent *c, FILE *out, const char *upto)
{
    char *text = icalcomponent_as_ical_string_r(c);
    icalcomponent_free(c);
    if (!text) {
        errno = ENOMEM;
        return -1;
    }
    size_t len = repair_folding(text, strlen(text));
    if (upto) {
        char *end = strstr(text, upto);
        len = end ? (size_t)(end - text) : len;
    }
    int rc = fwrite(text, 1, len, out) == len ? 0 : -1;
    free(text);
    return rc;
}

/* The calendar is written as libical serialises it, one component at a time
 * so that a large itinerary never sits in memory as one string: the shell
 * (the calendar's properties and its VTIMEZONEs) up to its END line, each
 * VEVENT, then the END line of an empty calendar. */
int
itin_export_ics(const itin_itinerary *it, const itin_render_options *opt, FILE *out)
{
    itin_arena *A = itin_arena_new();
    ctx C;
    errno = 0;
    icalcomponent *cal = build(it, opt, A, &C);
    if (!cal) {
        if (!errno)
            errno = ENOMEM;
        itin_arena_free(A);
        return -1;
    }
    int rc = emit(cal, out, "END:VCALENDAR\r\n");
    const itin_plan *P = it->plan;
    strset uids = {0};
    for (size_t k = 0; k < it->n_days && rc == 0; k++)
        for (size_t i = 0; i < it->days[k].n_items && rc == 0; i++) {
            const itin_item *x = &it->items[it->days[k].items[i]];
            uid_of(&C.buf, P, x);
            char *uid = itin_xstrdup(sb_str(&C.buf));
            if (strset_add(&uids, uid)) { /* lodging once, not each night */
                icalcomponent *ev = vevent(&C, x, uid);
                if (ev)
                    rc = emit(ev, out, NULL);
            }
            free(uid);
        }
    strset_free(&uids);
    free(C.buf.s);
    itin_arena_free(A);
    if (rc == 0) {
        icalcomponent *end = icalcomponent_new_vcalendar();
        char *text = icalcomponent_as_ical_string_r(end);
        icalcomponent_free(end);
        const char *tail = text ? strstr(text, "END:VCALENDAR") : NULL;
        rc = tail && fputs(tail, out) != EOF ? 0 : -1;
        free(text);
    }
    if (rc == 0 && fflush(out) != 0)
        rc = -1;
    if (rc && !errno)
        errno = EIO;
    return rc;
}
