/* text: a plan's texts written in several languages (`title: {de: …, vi: …}`).
 * Every text field of the plan holds one `const char *`, the variant in the
 * delegation's language (else the first given), so that code that knows
 * nothing of languages keeps working; the other variants sit in a side
 * table of the plan, found by that pointer when rendering. */
#ifndef ITIN_TEXT_H
#define ITIN_TEXT_H

#include "i18n.h"

/* One text's variants: v[lang] or NULL, and the languages in file order. */
typedef struct itin_text_set {
    const char *v[ITIN_LANG_COUNT];
    itin_lang order[ITIN_LANG_COUNT];
    size_t n;
} itin_text_set;

/* Keep a text's variants with the plan (the strings must live in the plan's
 * arena and belong to this text alone); returns the first given. */
const char *itin_texts_add(itin_plan *P, const itin_text_set *set);

/* After loading: point every text field of the plan at its variant in the
 * delegation's language, remake travel legs' default titles from the
 * places' names so chosen, and index the variants for lookups. */
void itin_texts_resolve(itin_plan *P);

/* The variants of a text of the plan, or NULL for a text written once. */
const itin_text_set *itin_text_variants(const itin_plan *P, const char *text);

/* The text in `lang`, else as the field holds it (the delegation's language,
 * else the first given); *chosen (may be NULL) gets the language of what is
 * returned: for a text written once, the delegation's. NULL stays NULL. */
const char *itin_text_pick(const itin_plan *P, const char *text, itin_lang lang, itin_lang *chosen);

/* The text for an agenda in one language or two (`--lang de,ko`): in the
 * first; in both, joined by `sep`, when the file gives it in both. In the
 * arena when joined. */
const char *itin_text_langs(itin_arena *A, const itin_plan *P, const char *text, const itin_langs *ls,
                            const char *sep);

/* Whether a text of the plan exists in `lang`: a text written once counts
 * as written in the delegation's language. NULL counts as present. */
bool itin_text_has(const itin_plan *P, const char *text, itin_lang lang);

#endif
