/* i18n: the agenda's words in English, German, Korean, Vietnamese, Japanese,
 * Simplified and Traditional Chinese, French, Spanish, Polish and Czech (the
 * tables in src/labels/), and everything locale-dependent — dates, numbers,
 * lists, display widths, line breaks — through ICU, never hand-made month or
 * weekday tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/umsg.h>
#include <unicode/ulistformatter.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "labels/labels.h"
#include "utf8.h"
#include "xalloc.h"

/* One table per language (src/labels/<code>.c). "%d" and "%s" are filled
 * in by the caller where the label's comment in i18n.h says so. */
static const char *const *const LABELS[ITIN_LANG_COUNT] = {
    [ITIN_EN] = itin_labels_en,           [ITIN_DE] = itin_labels_de, [ITIN_KO] = itin_labels_ko,
    [ITIN_VI] = itin_labels_vi,           [ITIN_JA] = itin_labels_ja, [ITIN_ZH_HANS] = itin_labels_zh_hans,
    [ITIN_ZH_HANT] = itin_labels_zh_hant, [ITIN_FR] = itin_labels_fr, [ITIN_ES] = itin_labels_es,
    [ITIN_PL] = itin_labels_pl,           [ITIN_CS] = itin_labels_cs,
};

/* The codes a delegation file and --lang use (BCP 47), and the ICU locales:
 * British English writes "Tuesday, 22 November 2022"; the Chinese scripts
 * name their usual region (mainland China, Taiwan). A new language is a row
 * here and a table in src/labels. */
static const char *const CODES[ITIN_LANG_COUNT] = {
    [ITIN_EN] = "en", [ITIN_DE] = "de",           [ITIN_KO] = "ko",           [ITIN_VI] = "vi",
    [ITIN_JA] = "ja", [ITIN_ZH_HANS] = "zh-Hans", [ITIN_ZH_HANT] = "zh-Hant", [ITIN_FR] = "fr",
    [ITIN_ES] = "es", [ITIN_PL] = "pl",           [ITIN_CS] = "cs",
};
static const char *const LOCALES[ITIN_LANG_COUNT] = {
    [ITIN_EN] = "en_GB", [ITIN_DE] = "de_DE",           [ITIN_KO] = "ko_KR",           [ITIN_VI] = "vi_VN",
    [ITIN_JA] = "ja_JP", [ITIN_ZH_HANS] = "zh_Hans_CN", [ITIN_ZH_HANT] = "zh_Hant_TW", [ITIN_FR] = "fr_FR",
    [ITIN_ES] = "es_ES", [ITIN_PL] = "pl_PL",           [ITIN_CS] = "cs_CZ",
};

/* How numbers meet their units: Korean, Japanese and Chinese write "20분",
 * "20分", "20分钟" without a space; Japanese and Chinese also join hours and
 * minutes ("1時間20分") and write "3.6km". */
static const bool UNIT_TIGHT[ITIN_LANG_COUNT] = {
    [ITIN_KO] = true, [ITIN_JA] = true, [ITIN_ZH_HANS] = true, [ITIN_ZH_HANT] = true};
static const bool PARTS_TIGHT[ITIN_LANG_COUNT] = {
    [ITIN_JA] = true, [ITIN_ZH_HANS] = true, [ITIN_ZH_HANT] = true};

const char *
itin_lang_code(itin_lang lang)
{
    return (unsigned)lang < ITIN_LANG_COUNT ? CODES[lang] : "en";
}

bool
itin_lang_find(const char *code, size_t len, itin_lang *out)
{
    for (int l = 0; l < ITIN_LANG_COUNT; l++)
        if (strlen(CODES[l]) == len && memcmp(CODES[l], code, len) == 0) {
            if (out)
                *out = (itin_lang)l;
            return true;
        }
    return false;
}

bool
itin_language_known(const char *code)
{
    return code && itin_lang_find(code, strlen(code), NULL);
}

const char *
itin_lang_choices(void)
{
    /* "en, de, …, pl or cs", made from the table once (ITIN_LANGUAGES). */
    static char buf[ITIN_LANG_COUNT * 8 + 8];
    if (!buf[0])
        for (int l = 0; l < ITIN_LANG_COUNT; l++) {
            if (l)
                strcat(buf, l + 1 == ITIN_LANG_COUNT ? " or " : ", ");
            strcat(buf, CODES[l]);
        }
    return buf;
}

itin_lang
itin_lang_of(const char *code)
{
    itin_lang l = ITIN_EN;
    if (code)
        itin_lang_find(code, strcspn(code, ","), &l);
    return l;
}

const char *
itin_lang_hint(const char *code, size_t len)
{
    /* The usual other spellings of the codes that need a script or differ
     * from the country. */
    static const char *const hints[][2] = {
        {"zh", "zh-Hans or zh-Hant"},
        {"zh-CN", "zh-Hans"},
        {"zh-SG", "zh-Hans"},
        {"zh-TW", "zh-Hant"},
        {"zh-HK", "zh-Hant"},
        {"zh-hans", "zh-Hans"},
        {"zh-hant", "zh-Hant"},
        {"zh_Hans", "zh-Hans"},
        {"zh_Hant", "zh-Hant"},
        {"jp", "ja"},
        {"vn", "vi"},
        {"cz", "cs"},
        {"kr", "ko"},
        {"ger", "de"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (strlen(hints[i][0]) == len && memcmp(code, hints[i][0], len) == 0)
            return hints[i][1];
    return NULL;
}

int
itin_langs_parse(const char *spec, itin_langs *out, char *err, size_t errlen)
{
    out->n = 0;
    const char *p = spec;
    for (;;) {
        size_t len = strcspn(p, ",");
        itin_lang l;
        if (!itin_lang_find(p, len, &l)) {
            const char *hint = itin_lang_hint(p, len);
            if (hint)
                snprintf(err, errlen, "unknown language '%.*s' (did you mean %s?)",
                         (int)(len > 32 ? 32 : len), p, hint);
            else
                snprintf(err, errlen, "unknown language '%.*s' (expected %s)", (int)(len > 32 ? 32 : len), p,
                         itin_lang_choices());
            return -1;
        }
        if (out->n == ITIN_MAX_LANGS) {
            snprintf(err, errlen, "at most %d languages, not '%s'", ITIN_MAX_LANGS, spec);
            return -1;
        }
        if (out->n && out->lang[0] == l) {
            snprintf(err, errlen, "'%s' names %s twice", spec, CODES[l]);
            return -1;
        }
        out->lang[out->n++] = l;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

const char *
itin_label_text(itin_lang lang, itin_label l)
{
    const char *s = LABELS[lang][l];
    return s ? s : LABELS[ITIN_EN][l];
}

bool
itin_label_defined(itin_lang lang, itin_label l)
{
    return (unsigned)lang < ITIN_LANG_COUNT && (unsigned)l < L__COUNT && LABELS[lang][l] &&
           LABELS[lang][l][0];
}

const char *
itin_mode_label(itin_lang lang, itin_mode m)
{
    static const itin_label by_mode[ITIN_MODE__COUNT] = {
        [ITIN_MODE_WALK] = L_MODE_WALK,     [ITIN_MODE_BIKE] = L_MODE_BIKE, [ITIN_MODE_CAR] = L_MODE_CAR,
        [ITIN_MODE_TAXI] = L_MODE_TAXI,     [ITIN_MODE_BUS] = L_MODE_BUS,   [ITIN_MODE_TRAIN] = L_MODE_TRAIN,
        [ITIN_MODE_FLIGHT] = L_MODE_FLIGHT, [ITIN_MODE_SHIP] = L_MODE_SHIP,
    };
    if (m <= ITIN_MODE_NONE || m >= ITIN_MODE__COUNT)
        return "";
    return itin_label_text(lang, by_mode[m]);
}

const char *
itin_leg_title(itin_arena *A, itin_lang lang, itin_mode mode, const char *ref, const char *from,
               const char *to)
{
    itin_langs one = {{lang}, 1};
    return itin_leg_title_langs(A, &one, mode, ref, from, to);
}

const char *
itin_leg_title_langs(itin_arena *A, const itin_langs *ls, itin_mode mode, const char *ref, const char *from,
                     const char *to)
{
    static const itin_label nouns[ITIN_MODE__COUNT] = {
        [ITIN_MODE_WALK] = L_NOUN_WALK,     [ITIN_MODE_BIKE] = L_NOUN_BIKE, [ITIN_MODE_CAR] = L_NOUN_CAR,
        [ITIN_MODE_TAXI] = L_NOUN_TAXI,     [ITIN_MODE_BUS] = L_NOUN_BUS,   [ITIN_MODE_TRAIN] = L_NOUN_TRAIN,
        [ITIN_MODE_FLIGHT] = L_NOUN_FLIGHT, [ITIN_MODE_SHIP] = L_NOUN_SHIP,
    };
    const char *noun =
        mode > ITIN_MODE_NONE && mode < ITIN_MODE__COUNT ? itin_label_langs(A, ls, nouns[mode]) : "";
    if (ref)
        return itin_arena_printf(A, "%s %s: %s \u2192 %s", noun, ref, from, to);
    return itin_arena_printf(A, "%s: %s \u2192 %s", noun, from, to);
}

const char *
itin_join_langs(itin_arena *A, const itin_langs *ls, const char *const *texts, const char *sep)
{
    if (ls->n < 2 || strcmp(texts[0], texts[1]) == 0)
        return texts[0];
    return itin_arena_printf(A, "%s%s%s", texts[0], sep, texts[1]);
}

const char *
itin_label_langs(itin_arena *A, const itin_langs *ls, itin_label l)
{
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < ls->n; k++)
        t[k] = itin_label_text(ls->lang[k], l);
    return itin_join_langs(A, ls, t, " / ");
}

const char *
itin_date_long_langs(itin_arena *A, const itin_langs *ls, itin_date d)
{
    const char *t[ITIN_MAX_LANGS] = {"", ""};
    for (size_t k = 0; k < ls->n; k++)
        t[k] = itin_date_long(A, ls->lang[k], d);
    return itin_join_langs(A, ls, t, " \u00b7 ");
}

/* UTF-16 (ICU) to UTF-8 in the arena. */
static const char *
to_utf8(itin_arena *A, const UChar *u, int32_t ulen)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(NULL, 0, &n, u, ulen, &st);
    st = U_ZERO_ERROR;
    char *out = itin_arena_alloc(A, (size_t)n + 1);
    u_strToUTF8(out, n + 1, NULL, u, ulen, &st);
    return U_FAILURE(st) ? "" : out;
}

/* UTF-8 to UTF-16 on the heap; the caller frees. */
static UChar *
to_utf16(const char *s, size_t len, int32_t *ulen)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, s, (int32_t)len, &st);
    st = U_ZERO_ERROR;
    UChar *u = itin_xmalloc(((size_t)n + 1) * sizeof *u);
    u_strFromUTF8(u, n + 1, ulen, s, (int32_t)len, &st);
    if (U_FAILURE(st))
        *ulen = 0;
    return u;
}

const char *
itin_date_long(itin_arena *A, itin_lang lang, itin_date d)
{
    /* The date is civil: format the UTC instant of its midnight in UTC. */
    static UDateFormat *fmt[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    static const UChar utc[] = {'U', 'T', 'C', 0};
    if (!fmt[lang]) {
        fmt[lang] = udat_open(UDAT_NONE, UDAT_FULL, LOCALES[lang], utc, -1, NULL, 0, &st);
        if (U_FAILURE(st)) {
            fmt[lang] = NULL;
            char buf[16];
            return itin_arena_strdup(A, itin_date_format(d, buf));
        }
    }
    UChar out[128];
    st = U_ZERO_ERROR;
    int32_t n = udat_format(fmt[lang], (UDate)d * 86400.0 * 1000.0, out, 128, NULL, &st);
    if (U_FAILURE(st)) {
        char buf[16];
        return itin_arena_strdup(A, itin_date_format(d, buf));
    }
    return to_utf8(A, out, n);
}

const char *
itin_msgformat(itin_arena *A, itin_lang lang, itin_label l, double a, double b, double c)
{
    int32_t plen = 0;
    const char *pattern = itin_label_text(lang, l);
    UChar *upat = to_utf16(pattern, strlen(pattern), &plen);
    UErrorCode st = U_ZERO_ERROR;
    UMessageFormat *fmt = umsg_open(upat, plen, LOCALES[lang], NULL, &st);
    UChar out[256];
    int32_t n = U_SUCCESS(st) ? umsg_format(fmt, out, 256, &st, a, b, c) : 0;
    if (fmt)
        umsg_close(fmt);
    free(upat);
    if (U_FAILURE(st) || n >= 256) /* the patterns are ours: a failure is a bug */
        return itin_arena_printf(A, "%.0f %.0f %.0f", a, b, c);
    return to_utf8(A, out, n);
}

const char *
itin_decimal(itin_arena *A, itin_lang lang, double v, int digits)
{
    /* Opening a formatter costs more than formatting: one per language,
     * kept for the life of the process. */
    static UNumberFormat *fmt[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    if (!fmt[lang]) {
        fmt[lang] = unum_open(UNUM_DECIMAL, NULL, 0, LOCALES[lang], NULL, &st);
        if (U_FAILURE(st))
            fmt[lang] = NULL;
        else
            unum_setAttribute(fmt[lang], UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);
    }
    UChar out[64];
    int32_t n = 0;
    if (fmt[lang]) {
        unum_setAttribute(fmt[lang], UNUM_MIN_FRACTION_DIGITS, digits);
        unum_setAttribute(fmt[lang], UNUM_MAX_FRACTION_DIGITS, digits);
        n = unum_formatDouble(fmt[lang], v, out, 64, NULL, &st);
    } else {
        st = U_INTERNAL_PROGRAM_ERROR;
    }
    if (U_FAILURE(st))
        return itin_arena_printf(A, "%.*f", digits, v);
    return to_utf8(A, out, n);
}

const char *
itin_list(itin_arena *A, itin_lang lang, const char *const *items, size_t n)
{
    if (n == 0)
        return "";
    if (n == 1)
        return items[0];
    static UListFormatter *lists[ITIN_LANG_COUNT];
    UErrorCode st = U_ZERO_ERROR;
    if (!lists[lang]) {
        lists[lang] = ulistfmt_open(LOCALES[lang], &st);
        if (U_FAILURE(st))
            lists[lang] = NULL;
    }
    UListFormatter *lf = lists[lang];
    st = lf ? U_ZERO_ERROR : U_INTERNAL_PROGRAM_ERROR;
    UChar **u = itin_xmalloc(n * sizeof *u);
    int32_t *ulen = itin_xmalloc(n * sizeof *ulen);
    for (size_t i = 0; i < n; i++)
        u[i] = to_utf16(items[i], strlen(items[i]), &ulen[i]);
    const char *result = NULL;
    if (U_SUCCESS(st)) {
        int32_t len = ulistfmt_format(lf, (const UChar *const *)u, ulen, (int32_t)n, NULL, 0, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            st = U_ZERO_ERROR;
            UChar *out = itin_xmalloc(((size_t)len + 1) * sizeof *out);
            ulistfmt_format(lf, (const UChar *const *)u, ulen, (int32_t)n, out, len + 1, &st);
            if (U_SUCCESS(st))
                result = to_utf8(A, out, len);
            free(out);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(u[i]);
    free(u);
    free(ulen);
    if (!result) {
        /* ICU failing is not a reason to lose the names: join them plainly. */
        size_t total = 1;
        for (size_t i = 0; i < n; i++)
            total += strlen(items[i]) + 2;
        char *s = itin_arena_alloc(A, total);
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(s, ", ");
            strcat(s, items[i]);
        }
        result = s;
    }
    return result;
}

const char *
itin_duration_text(itin_arena *A, itin_lang lang, int minutes)
{
    int h = minutes / 60, m = minutes % 60;
    const char *hu = itin_label_text(lang, L_HOURS), *mu = itin_label_text(lang, L_MINUTES);
    const char *sp = UNIT_TIGHT[lang] ? "" : " ", *gap = PARTS_TIGHT[lang] ? "" : " ";
    if (h && m)
        return itin_arena_printf(A, "%d%s%s%s%d%s%s", h, sp, hu, gap, m, sp, mu);
    if (h)
        return itin_arena_printf(A, "%d%s%s", h, sp, hu);
    return itin_arena_printf(A, "%d%s%s", m, sp, mu);
}

const char *
itin_comma(itin_lang lang)
{
    switch (lang) {
    case ITIN_JA:
        return "\u3001"; /* 、 */
    case ITIN_ZH_HANS:
    case ITIN_ZH_HANT:
        return "\uff0c"; /* ， */
    default:
        return ", ";
    }
}

const char *
itin_distance_text(itin_arena *A, itin_lang lang, double km)
{
    /* Korean agendas have always written "3.6 km"; only the languages that
     * join their other units join this one. */
    return itin_arena_printf(A, "%s%skm", itin_decimal(A, lang, km, 1), PARTS_TIGHT[lang] ? "" : " ");
}

const char *
itin_transfer_how(itin_arena *A, itin_lang lang, const itin_item *x, bool estimate)
{
    const char *how = itin_arena_cat(A, itin_mode_label(lang, x->mode), itin_comma(lang),
                                     itin_duration_text(A, lang, x->minutes), (const char *)NULL);
    if (estimate && x->estimated)
        how = itin_arena_cat(A, how, " (", itin_label_text(lang, L_ESTIMATED), ")", (const char *)NULL);
    if (x->distance_km > 0)
        how = itin_arena_cat(A, how, itin_comma(lang), itin_distance_text(A, lang, x->distance_km),
                             (const char *)NULL);
    return how;
}

size_t
itin_text_width(const char *s, size_t len)
{
    return itin_display_width(s, len);
}

size_t
itin_display_width(const char *s, size_t len)
{
    size_t w = 0, i = 0;
    while (i < len) {
        /* Printable ASCII is one column each, without asking ICU. */
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x7f) {
            w++, i++;
            continue;
        }
        size_t n;
        UChar32 c = itin_utf8_decode(s + i, len - i, &n);
        i += n;
        if (c < 0)
            continue;
        int8_t cat = (int8_t)u_charType(c);
        if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR || c == 0x200B)
            continue;
        if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            continue;
        int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return w;
}

/* Whether a precomposed Hangul syllable (U+AC00..U+D7A3) starts at s[i]. */
static bool
hangul_at(const char *s, size_t len, size_t i)
{
    size_t n;
    int32_t cp = itin_utf8_decode(s + i, len - i, &n);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

size_t
itin_line_breaks(const char *s, size_t len, size_t *breaks, size_t max)
{
    int32_t ulen = 0;
    UChar *u = to_utf16(s, len, &ulen);
    UErrorCode st = U_ZERO_ERROR;
    /* One line-break iterator for the process, given each text in turn:
     * opening one costs far more than breaking a line. */
    static UBreakIterator *bi;
    if (!bi)
        bi = ubrk_open(UBRK_LINE, "en", NULL, 0, &st);
    if (bi)
        ubrk_setText(bi, u, ulen, &st);
    size_t n = 0;
    if (bi && U_SUCCESS(st)) {
        /* Map UTF-16 offsets back to UTF-8 byte offsets as we go. */
        int32_t u16 = 0, u8 = 0;
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE && n < max; b = ubrk_next(bi)) {
            while (u16 < b && (size_t)u8 < len) {
                size_t step;
                UChar32 c = itin_utf8_decode(s + u8, len - (size_t)u8, &step);
                u8 += (int32_t)step;
                u16 += (c >= 0x10000) ? 2 : 1;
            }
            /* Not after a hyphen or a slash: names (Dong-hyun), compounds
             * and addresses read better whole, even past the margin. */
            if (u8 > 0 && (size_t)u8 < len && (s[u8 - 1] == '-' || s[u8 - 1] == '/'))
                continue;
            /* Korean words stay whole (keep-all): no break between two
             * Hangul syllables, only at spaces. */
            if (u8 >= 3 && (size_t)u8 + 3 <= len && hangul_at(s, len, (size_t)u8 - 3) &&
                hangul_at(s, len, (size_t)u8))
                continue;
            breaks[n++] = (size_t)u8;
        }
        static const UChar none[1];
        ubrk_setText(bi, none, 0, &st); /* u is freed below */
    }
    free(u);
    if (n == 0 || breaks[n - 1] != len) {
        if (n == max)
            n--;
        breaks[n++] = len;
    }
    return n;
}
