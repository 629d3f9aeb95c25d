/* i18n: labels per language, and dates, numbers, lists and display widths
 * through ICU. */
#ifndef ITIN_I18N_H
#define ITIN_I18N_H

#include "arena.h"

/* Every label an agenda prints. The tables in i18n.c hold one string per
 * label and language; a translator extends them there. */
typedef enum itin_label {
    L_DAY,        /* "Day %d" */
    L_DAY_BEFORE, /* a day before the delegation starts: "Arrival" */
    L_DAY_AFTER,  /* a day after it ends: "Departure" */
    L_LEAD,
    L_ORGANIZER,
    L_DATES,
    L_REVISION,
    L_FOR, /* a personal agenda: "For" */
    L_PLACE,
    L_ADDRESS,
    L_WITH, /* who attends when not everyone */
    L_TOPICS,
    L_HOST,
    L_CONTACT,
    L_TRANSFER,
    L_ARRIVAL, /* a leg arriving on another date or in another zone */
    L_REF,
    L_LODGING,      /* "Lodging" (the night's hotel) */
    L_PARTICIPANTS, /* the list at the end */
    L_CONTACTS,     /* institution contacts at the end */
    L_CANCELLED,
    L_TENTATIVE,
    L_LOCAL_TIME, /* "Local time" (before the zone) when the zone changes */
    L_NO_ITEMS,   /* an empty day */
    L_EVERYONE,
    L_GROUPS,
    L_MODE_WALK,
    L_MODE_BIKE,
    L_MODE_CAR,
    L_MODE_TAXI,
    L_MODE_BUS,
    L_MODE_TRAIN,
    L_MODE_FLIGHT,
    L_MODE_SHIP,
    L_HOURS,    /* duration units: "h" */
    L_MINUTES,  /* "min" */
    L_NEXT_DAY, /* "+1" marker explanation: "next day" */
    L_EMAIL,
    L_PHONE,
    L_WEB,
    L_DEPARTURE, /* a leg's departure, in a calendar entry */
    L_ESTIMATED, /* a transfer time from the estimate */
    L_NOUN_WALK, /* modes as the first word of a leg's title: "Train" */
    L_NOUN_BIKE,
    L_NOUN_CAR,
    L_NOUN_TAXI,
    L_NOUN_BUS,
    L_NOUN_TRAIN,
    L_NOUN_FLIGHT,
    L_NOUN_SHIP,
    L_TRANSPORT,       /* the transport sheet's title: "Transport" */
    L_PEOPLE,          /* a head count: "%zu people" */
    L_PERSON,          /* a head count of one: "1 person" */
    L_VEHICLES,        /* "Vehicles needed" */
    L_NO_TRANSFERS,    /* a day without transfers */
    L_CHECKIN_BY,      /* a flight's check-in time: "Check-in by" */
    L_THERE_BY,        /* another leg's: "Be there by" */
    L_FREE_TIME,       /* a long gap in the day */
    L_MEETING,         /* a B2B meeting of a matchmaking session */
    L_TABLE,           /* its table: "Table 3" */
    L_INTERPRETED,     /* a meeting with an interpreter */
    L_EVERYONE_EXCEPT, /* "everyone except %s" (one or two names) */
    L_PAGE,            /* a page's footer: "Page %d of %d" */
    L_VISIT,           /* the day chart's legend: a visit */
    L_LEG,             /* the day chart's legend: a travel leg */
    /* Change notices (export_diff.c). Sentences name their pieces in braces:
     * {it} the item ("The visit", "Your flight"), {time} its start, {new}
     * and {old} the values, {list} what changed; those marked ICU are
     * MessageFormat patterns over numbers (itin_msgformat). */
    L_DIFF_TITLE,     /* "Changes: %s" */
    L_DIFF_FOR,       /* a personal notice: whose */
    L_DIFF_SUMMARY,   /* the heading's line with the counts */
    L_DIFF_COUNT,     /* ICU: {0} changes affecting {1} of {2} participants */
    L_DIFF_COUNT_YOU, /* ICU: {0} changes for you */
    L_DIFF_NONE,      /* no change */
    L_DIFF_CONCERNS,  /* whom a change concerns */
    L_DIFF_JOINING,   /* who joins an item */
    L_DIFF_LEAVING,   /* who leaves it */
    L_THE_VISIT,      /* {it}, for the delegation */
    L_THE_TRAVEL,
    L_THE_FLIGHT,
    L_THE_TRANSFER,
    L_THE_MEETING,
    L_YOUR_VISIT, /* {it}, for one participant */
    L_YOUR_TRAVEL,
    L_YOUR_FLIGHT,
    L_YOUR_TRANSFER,
    L_YOUR_MEETING,
    L_DIFF_ADDED,
    L_DIFF_ADDED_YOU,
    L_DIFF_REMOVED,
    L_DIFF_REMOVED_YOU, /* removed, or no longer attended */
    L_DIFF_CANCELLED,
    L_DIFF_REINSTATED,
    L_DIFF_MOVED,
    L_DIFF_PLACE,
    L_DIFF_RETITLED,
    L_DIFF_BOOKING,
    L_DIFF_STATUS,
    L_DIFF_MODE,
    L_DIFF_DETAILS,
    L_DIFF_TOPICS, /* in {list} */
    L_DIFF_HOST,
    L_DIFF_DESCRIPTION,
    L_DIFF_NO_BOOKING, /* a leg without `ref` */
    L_CONFIRMED,
    L_DIFF_DATE_TIME,       /* "{date}, {time}" */
    L_DIFF_LODGING_CHANGED, /* "{new} instead of {old}" */
    L_DIFF_LODGING_ADDED,
    L_DIFF_LODGING_REMOVED,
    L_DIFF_NIGHTS, /* ICU: {0} nights */
    L__COUNT
} itin_label;

/* The agenda languages. New ones go at the end: JSON and messages name
 * them by code (itin_lang_code), never by number. */
typedef enum itin_lang {
    ITIN_EN = 0,
    ITIN_DE,
    ITIN_KO,
    ITIN_VI,
    ITIN_JA,
    ITIN_ZH_HANS,
    ITIN_ZH_HANT,
    ITIN_FR,
    ITIN_ES,
    ITIN_PL,
    ITIN_CS,
    ITIN_LANG_COUNT
} itin_lang;

/* The code of a language ("de", "zh-Hant"), and the language of a code of
 * `len` bytes, spelt exactly so (false when no language has it). */
const char *itin_lang_code(itin_lang lang);
bool itin_lang_find(const char *code, size_t len, itin_lang *out);
/* The codes, for messages: ITIN_LANGUAGES ("en, de, …, pl or cs"). */
const char *itin_lang_choices(void);
/* What a code that is no language here probably meant ("zh-TW": "zh-Hant"),
 * or NULL. */
const char *itin_lang_hint(const char *code, size_t len);

/* The language of a code, or the first of a pair ("de,ko"); English when
 * there is none or it is unknown. */
itin_lang itin_lang_of(const char *code);

/* An agenda's languages: one, or two for a bilingual one, the first leading. */
#define ITIN_MAX_LANGS 2
typedef struct itin_langs {
    itin_lang lang[ITIN_MAX_LANGS];
    size_t n;
} itin_langs;

/* Read "de" or "de,ko" (two different languages); 0, or -1 with the reason
 * in err. */
int itin_langs_parse(const char *spec, itin_langs *out, char *err, size_t errlen);

const char *itin_label_text(itin_lang lang, itin_label l);
/* Whether the table of `lang` has label `l` itself (itin_label_text falls
 * back to English): unit.i18n keeps every table complete with it. */
bool itin_label_defined(itin_lang lang, itin_label l);
const char *itin_mode_label(itin_lang lang, itin_mode m);

/* The title of a travel leg that has none of its own: "Train RE 3: Dresden
 * Hbf → Chemnitz Hbf", or without a reference "Bus: A → B". */
const char *itin_leg_title(itin_arena *A, itin_lang lang, itin_mode mode, const char *ref, const char *from,
                           const char *to);

/* Texts of one or two languages as a bilingual agenda prints them: the
 * first, `sep`, the second — or only the first when they are the same
 * ("Transfer" in English and German). In the arena. */
const char *itin_join_langs(itin_arena *A, const itin_langs *ls, const char *const *texts, const char *sep);
/* A label in each language: "Ort / 장소". */
const char *itin_label_langs(itin_arena *A, const itin_langs *ls, itin_label l);
/* A date in each language: "Dienstag, 22. November 2022 · 2022년 11월 22일 화요일". */
const char *itin_date_long_langs(itin_arena *A, const itin_langs *ls, itin_date d);
/* A leg's title with the mode's noun in each language: "Zug / 기차 RE 3: A → B". */
const char *itin_leg_title_langs(itin_arena *A, const itin_langs *ls, itin_mode mode, const char *ref,
                                 const char *from, const char *to);

/* "Tuesday, 22 November 2022" / "Dienstag, 22. November 2022" /
 * "2022년 11월 22일 화요일", from ICU's full date format; in the arena. */
const char *itin_date_long(itin_arena *A, itin_lang lang, itin_date d);

/* A label that is an ICU MessageFormat pattern over up to three numbers
 * ({0}, {1}, {2}; plural forms chosen by the language's rules), filled in;
 * in the arena. */
const char *itin_msgformat(itin_arena *A, itin_lang lang, itin_label l, double a, double b, double c);

/* A decimal with `digits` fraction digits in the language's form ("3,6"). */
const char *itin_decimal(itin_arena *A, itin_lang lang, double v, int digits);

/* "A, B and C" / "A, B und C" / "A, B 및 C" (ICU list format). */
const char *itin_list(itin_arena *A, itin_lang lang, const char *const *items, size_t n);

/* "1 h 20 min" in the language's words ("1時間20分" without spaces). */
const char *itin_duration_text(itin_arena *A, itin_lang lang, int minutes);

/* The comma between the parts of a phrase ("bus, 20 min, 3.6 km"): ", ",
 * Japanese "、", Chinese "，" (full width, no space after). */
const char *itin_comma(itin_lang lang);

/* A distance with one decimal: "3.6 km", "3,6 km", "3.6km" (Japanese and
 * Chinese write no space before the unit). */
const char *itin_distance_text(itin_arena *A, itin_lang lang, double km);

/* How a transfer goes, as the agenda and the calendar say it: "by bus, 20
 * min, 3.6 km" (no distance when unknown), with "(estimated)" after the
 * duration when `estimate` and the time was estimated. */
const char *itin_transfer_how(itin_arena *A, itin_lang lang, const itin_item *x, bool estimate);

/* Terminal display columns of UTF-8 text: East Asian wide and fullwidth
 * characters count 2, combining marks and format characters 0. */
size_t itin_display_width(const char *s, size_t len);

/* Where text may be broken into lines (ICU's line break rules, less the
 * breaks after a hyphen or slash and inside Korean words): fills
 * `breaks` with byte offsets of break opportunities in increasing order
 * (the end of the text included) and returns their number, at most `max`. */
size_t itin_line_breaks(const char *s, size_t len, size_t *breaks, size_t max);

#endif
