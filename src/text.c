/* text: the variants of a plan's texts in several languages, kept beside
 * the plan's fields (see text.h and docs/internals.md). */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "xalloc.h"
#include "text.h"

typedef struct text_ref {
    const char *p; /* one variant's string */
    size_t set;
} text_ref;

struct itin_texts {
    itin_text_set *sets;
    size_t n, cap;
    text_ref *index; /* every variant's pointer, sorted; built by resolve */
    size_t n_index;
};

const char *
itin_texts_add(itin_plan *P, const itin_text_set *set)
{
    if (!P->texts)
        P->texts = itin_arena_alloc(P->arena, sizeof *P->texts);
    struct itin_texts *T = P->texts;
    *ITIN_PUSH(P->arena, T->sets, T->n, T->cap) = *set;
    return set->v[set->order[0]];
}

static int
ref_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const text_ref *)a)->p, y = (uintptr_t)((const text_ref *)b)->p;
    return x < y ? -1 : x > y;
}

const itin_text_set *
itin_text_variants(const itin_plan *P, const char *text)
{
    const struct itin_texts *T = P ? P->texts : NULL;
    if (!T || !text || !T->n_index)
        return NULL;
    text_ref key = {text, 0};
    const text_ref *r = bsearch(&key, T->index, T->n_index, sizeof *T->index, ref_cmp);
    return r ? &T->sets[r->set] : NULL;
}

const char *
itin_text_pick(const itin_plan *P, const char *text, itin_lang lang, itin_lang *chosen)
{
    itin_lang own = itin_lang_of(P ? P->delegation.language : NULL);
    const itin_text_set *s = itin_text_variants(P, text);
    if (chosen)
        *chosen = own;
    if (!s)
        return text;
    if (s->v[lang]) {
        if (chosen)
            *chosen = lang;
        return s->v[lang];
    }
    /* The field holds the delegation's variant or the first given. */
    if (chosen)
        *chosen = s->v[own] == text ? own : s->order[0];
    return text;
}

bool
itin_text_has(const itin_plan *P, const char *text, itin_lang lang)
{
    if (!text)
        return true;
    const itin_text_set *s = itin_text_variants(P, text);
    if (s)
        return s->v[lang] != NULL;
    return itin_lang_of(P->delegation.language) == lang;
}

const char *
itin_text_in(const itin_plan *plan, const char *text, const char *lang)
{
    return itin_text_pick(plan, text, itin_lang_of(lang), NULL);
}

/* The delegation's variant of the text a field holds. */
static void
resolve(const itin_plan *P, itin_lang own, const char **field)
{
    const itin_text_set *s = itin_text_variants(P, *field);
    if (s && s->v[own])
        *field = s->v[own];
}

void
itin_texts_resolve(itin_plan *P)
{
    struct itin_texts *T = P->texts;
    if (!T || !T->n)
        return;
    size_t n = 0;
    for (size_t i = 0; i < T->n; i++)
        n += T->sets[i].n;
    T->index = itin_arena_alloc(P->arena, n * sizeof *T->index);
    for (size_t i = 0; i < T->n; i++)
        for (size_t k = 0; k < T->sets[i].n; k++)
            T->index[T->n_index++] = (text_ref){T->sets[i].v[T->sets[i].order[k]], i};
    qsort(T->index, T->n_index, sizeof *T->index, ref_cmp);

    itin_lang own = itin_lang_of(P->delegation.language);
    itin_delegation *D = &P->delegation;
    resolve(P, own, &D->title);
    resolve(P, own, &D->lead);
    resolve(P, own, &D->organizer.name);
    for (size_t i = 0; i < D->n_participants; i++) {
        resolve(P, own, &D->participants[i].name);
        resolve(P, own, &D->participants[i].role);
        resolve(P, own, &D->participants[i].org);
    }
    for (size_t i = 0; i < D->n_groups; i++)
        resolve(P, own, &D->groups[i].name);
    for (size_t i = 0; i < P->n_institutions; i++) {
        itin_institution *I = &P->institutions[i];
        resolve(P, own, &I->name);
        resolve(P, own, &I->short_name);
        resolve(P, own, &I->kind);
        resolve(P, own, &I->address);
        resolve(P, own, &I->city);
        resolve(P, own, &I->contact.name);
    }
    for (size_t i = 0; i < P->n_visits; i++) {
        itin_visit *v = &P->visits[i];
        resolve(P, own, &v->title);
        resolve(P, own, &v->host);
        resolve(P, own, &v->description);
        for (size_t k = 0; k < v->n_topics; k++)
            resolve(P, own, &v->topics[k]);
    }
    for (size_t i = 0; i < P->n_legs; i++) {
        itin_leg *l = &P->legs[i];
        resolve(P, own, &l->title);
        resolve(P, own, &l->description);
        if (l->title_default && l->from < P->n_institutions && l->to < P->n_institutions) {
            /* Made from the places' names: of the names in the delegation's language. */
            const itin_institution *f = &P->institutions[l->from], *t = &P->institutions[l->to];
            l->title = itin_arena_printf(P->arena, "%s %s \u2192 %s", itin_mode_name(l->mode),
                                         f->short_name ? f->short_name : f->name,
                                         t->short_name ? t->short_name : t->name);
        }
    }
}

/* ------------------------------------------------------ translation check */

/* English names of the languages, for the warning. */
static const char *const LANG_NAMES[ITIN_LANG_COUNT] = {
    [ITIN_EN] = "English",
    [ITIN_DE] = "German",
    [ITIN_KO] = "Korean",
    [ITIN_VI] = "Vietnamese",
    [ITIN_JA] = "Japanese",
    [ITIN_ZH_HANS] = "Simplified Chinese",
    [ITIN_ZH_HANT] = "Traditional Chinese",
    [ITIN_FR] = "French",
    [ITIN_ES] = "Spanish",
    [ITIN_PL] = "Polish",
    [ITIN_CS] = "Czech",
};

typedef struct lacking {
    const itin_plan *P;
    itin_lang lang;
    itin_strbuf keys; /* "title, description" */
} lacking;

static void
need(lacking *k, const char *key, const char *text)
{
    if (itin_text_has(k->P, text, k->lang))
        return;
    if (k->keys.len)
        itin_strbuf_puts(&k->keys, ", ");
    itin_strbuf_puts(&k->keys, key);
}

/* One warning for what `k` collected about `what`, unless accepted. */
static void
report(lacking *k, itin_diags *d, itin_pos pos, const char *what, unsigned accept)
{
    if (k->keys.len && !(accept & (1u << ITIN_W_MISSING_TRANSLATION)))
        itin_diags_warn(d, ITIN_W_MISSING_TRANSLATION, pos, "%s has no %s (%s) text for %s", what,
                        LANG_NAMES[k->lang], itin_lang_code(k->lang), itin_strbuf_str(&k->keys));
    itin_strbuf_clear(&k->keys);
}

const char *
itin_text_langs(itin_arena *A, const itin_plan *P, const char *text, const itin_langs *ls, const char *sep)
{
    const char *first = itin_text_pick(P, text, ls->lang[0], NULL);
    const itin_text_set *s = ls->n < 2 ? NULL : itin_text_variants(P, text);
    if (!s || !s->v[ls->lang[0]] || !s->v[ls->lang[1]])
        return first;
    const char *both[ITIN_MAX_LANGS] = {s->v[ls->lang[0]], s->v[ls->lang[1]]};
    return itin_join_langs(A, ls, both, sep);
}

void
itin_check_translations(const itin_plan *P, const char *code, itin_diags *d)
{
    itin_lang lang;
    if (!P || !code || !itin_lang_find(code, strlen(code), &lang))
        return;
    const itin_delegation *D = &P->delegation;
    lacking k = {P, lang, {0}};
    char what[160];
    need(&k, "title", D->title);
    need(&k, "lead", D->lead);
    report(&k, d, D->pos, "the delegation", D->accept);
    for (size_t i = 0; i < D->n_participants; i++) {
        const itin_participant *p = &D->participants[i];
        need(&k, "role", p->role);
        snprintf(what, sizeof what, "participant '%s'", p->id);
        report(&k, d, p->pos, what, D->accept);
    }
    for (size_t i = 0; i < D->n_groups; i++) {
        const itin_group *g = &D->groups[i];
        if (g->name != g->id)
            need(&k, "name", g->name);
        snprintf(what, sizeof what, "group '%s'", g->id);
        report(&k, d, g->pos, what, D->accept);
    }
    /* Only the places an agenda can name: a catalog's others are not to-dos. */
    bool *used = itin_xcalloc(P->n_institutions + 1, sizeof *used);
    for (size_t i = 0; i < P->n_visits; i++)
        if (P->visits[i].at < P->n_institutions)
            used[P->visits[i].at] = true;
    for (size_t i = 0; i < P->n_legs; i++) {
        if (P->legs[i].from < P->n_institutions)
            used[P->legs[i].from] = true;
        if (P->legs[i].to < P->n_institutions)
            used[P->legs[i].to] = true;
    }
    for (size_t i = 0; i < P->n_lodgings; i++)
        if (P->lodgings[i].at < P->n_institutions)
            used[P->lodgings[i].at] = true;
    for (size_t i = 0; i < P->n_institutions; i++) {
        const itin_institution *I = &P->institutions[i];
        if (!used[i])
            continue;
        need(&k, "name", I->name);
        snprintf(what, sizeof what, "institution '%s'", I->id);
        report(&k, d, I->pos, what, D->accept);
    }
    free(used);
    for (size_t i = 0; i < P->n_visits; i++) {
        const itin_visit *v = &P->visits[i];
        need(&k, "title", v->title);
        for (size_t t = 0; t < v->n_topics; t++)
            if (!itin_text_has(P, v->topics[t], lang)) {
                need(&k, "topics", v->topics[t]);
                break;
            }
        need(&k, "description", v->description);
        snprintf(what, sizeof what, "visit '%s'", v->id);
        report(&k, d, v->pos, what, D->accept | v->accept);
    }
    for (size_t i = 0; i < P->n_legs; i++) {
        const itin_leg *l = &P->legs[i];
        if (!l->title_default)
            need(&k, "title", l->title);
        need(&k, "description", l->description);
        snprintf(what, sizeof what, "travel leg '%s'", l->id);
        report(&k, d, l->pos, what, D->accept | l->accept);
    }
    free(k.keys.s);
}
