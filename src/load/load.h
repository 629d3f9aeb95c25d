/* load.h: the load stage's private header, shared by the files of src/load/.
 * Delegation files become a tree of our own (reader.c, the only file that
 * includes <yaml.h>), then typed walkers turn the tree into the plan's
 * structs (fields.c, delegation.c, places.c, items.c); files.c and stream.c
 * read the files and their includes and defer what must wait. */
#ifndef ITIN_LOAD_H
#define ITIN_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "builtin.h"
#include "datetime.h"
#include "diag.h"
#include "tz.h"
#include "utf8.h"
#include "who.h"
#include "xalloc.h"
#include "strmap.h"
#include "text.h"
#include "values.h"

#define MAX_FILE_SIZE (16u * 1024 * 1024)
#define MAX_DEPTH 64
#define MAX_DEPTH_TEXT "64"
#define MAX_INCLUDE_DEPTH 16
#define MAX_INCLUDES 256
#define MAX_TEXT 65536                /* bytes in one scalar */
#define MAX_KEYS 32                   /* known keys of one kind of mapping */
#define MAX_DAYS_AROUND 31            /* legs and lodging around the delegation's dates */
#define MAX_PEOPLE 1000               /* participants, and groups, of one delegation */
#define MAX_LEG_MINUTES (7 * 24 * 60) /* the longest travel leg */

#define NO_SLOT ((size_t)-1)

/* ------------------------------------------------------------------ tree */

enum { N_SCALAR, N_SEQ, N_MAP };

typedef struct ynode ynode;
struct ynode {
    unsigned char kind;
    bool plain; /* an unquoted scalar */
    bool flow;  /* a mapping written {...} */
    bool cut;   /* a value cut at a comma in {...}, reported already */
    itin_pos pos;
    const char *str; /* scalar text, NUL-terminated, in the node's arena
                        (load_text() copies it into the plan) */
    size_t len;
    ynode **kids; /* seq: n items; map: n pairs as kids[2i], kids[2i+1] */
    size_t n;
    size_t size; /* nodes in the subtree with aliases expanded (saturating) */
    bool done;   /* its end event has been seen */
    bool kept;   /* lives in the loader's persistent arena */
};

static inline itin_pos
pos_of(const ynode *n)
{
    return n->pos;
}

/* ------------------------------------------------------------ the loader */

/* The keys of the top level, in the order of docs/format.md §3 (stream.c). */
enum {
    TOP_VERSION,
    TOP_INCLUDE,
    TOP_DELEGATION,
    TOP_INSTITUTIONS,
    TOP_VISITS,
    TOP_TRAVEL,
    TOP_LODGING,
    TOP_TRAVEL_TIMES,
    TOP_HOLIDAYS,
    TOP_COMPANIES,
    TOP_MATCHMAKING,
    TOP__COUNT
};

/* An element of a list that refers to something not defined yet (a later
 * include, the delegation further down): walked when the files are read. */
typedef struct deferred {
    int kind;    /* the top-level kind of its list (stream.c) */
    ynode *node; /* a copy in the persistent arena */
    size_t slot; /* its place in the plan's list */
} deferred;

typedef struct loader {
    itin_plan *plan;
    itin_arena *plan_arena;    /* the plan's arena: model and strings */
    itin_arena *tree_arena;    /* persistent tree nodes, freed after loading */
    itin_arena *element_arena; /* one list element's nodes, reset after each */
    itin_diags *d;
    char **stack; /* real paths of the files being included, for cycles */
    size_t depth;
    char **seen; /* real paths of every file read */
    size_t n_seen;
    size_t n_files;
    deferred *later;
    size_t n_later, cap_later;
    size_t slot;  /* where a deferred element's result goes */
    bool builtin; /* the file being read is a bundled holiday calendar */
    bool have_delegation;
    bool dates_ok;    /* the delegation's start and end are valid */
    itin_pos top_pos; /* the main file's top-level mapping */
    itin_strmap tt_keys;
    itin_strmap inst_ids, people_ids, visit_ids, leg_ids, lodging_ids, company_ids, session_ids;
    size_t cap_inst, cap_visits, cap_legs, cap_lodgings, cap_tt, cap_holidays, cap_companies, cap_sessions;
    itin_pos *person_pos;  /* positions of participants, then groups */
    itin_who_set who_set;  /* `with` masks, one copy of each in the plan */
    bool fatal;            /* too many errors: stop walking */
    bool broken;           /* a file could not be parsed: do not walk (cascades) */
    const ynode *hint_map; /* the last mapping whose unknown keys got hints, */
    const char *hints[8];  /* and the known keys suggested for them */
    size_t n_hints;
    const char *unknown_zone; /* the delegation's unknown zone, reported at the end */
    itin_pos unknown_zone_pos;
} loader;

/* ------------------------------------------------------- reader (reader.c) */

/* The events of libyaml that the stream cares about, in our own words. */
typedef enum load_event {
    LOAD_EV_OTHER,
    LOAD_EV_STREAM_END,
    LOAD_EV_DOCUMENT_START,
    LOAD_EV_MAPPING_START,
    LOAD_EV_MAPPING_END,
    LOAD_EV_SEQUENCE_START,
    LOAD_EV_SEQUENCE_END,
} load_event;

/* One file being read (opaque outside reader.c). */
typedef struct load_reader load_reader;

load_reader *load_reader_open(loader *L, const char *name, const char *buf, size_t len);
void load_reader_close(load_reader *r);
/* The next event, held until the next call or load_reader_node; false after
 * reporting a syntax error. `pos` may be NULL. */
bool load_reader_next(load_reader *r, load_event *ev, itin_pos *pos);
/* The node that begins with the held event and everything in it, `base`
 * levels deep. Nodes go to `arena`; key text with the nodes, value text to
 * the plan. NULL after an error. */
ynode *load_reader_node(load_reader *r, itin_arena *arena, size_t base);
/* How many anchors the file has defined so far. */
size_t load_reader_anchors(const load_reader *r);
/* Make a scratch node persistent, and the anchors defined since
 * `first_anchor` with it. */
ynode *load_reader_keep(load_reader *r, ynode *n, size_t first_anchor);

/* ------------------------------------------- matching and values (fields.c) */

void load_error(loader *L, itin_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

const char *load_kind_name(const ynode *n);
/* User text for a message, quoted and escaped (see fields.c). */
const char *load_quote(loader *L, const char *s, size_t len);
#define QUOTED(L, n) load_quote((L), (n)->str, (n)->len)

bool load_fields(loader *L, const ynode *n, const char *what, const char *const *keys, size_t nkeys,
                 ynode **out);
bool load_is_empty(const ynode *n);
/* A scalar's text, checked (text, not empty, no NUL, UTF-8, not too long);
 * NULL after reporting what is wrong. load_text() returns the plan's copy,
 * to keep; load_peek() the node's own, to look at while the node lives
 * (a list element is read into memory reused for the next one). */
const char *load_text(loader *L, const ynode *n, const char *what);
const char *load_peek(loader *L, const ynode *n, const char *what);
const char *load_opt_text(loader *L, const ynode *n, const char *what);
/* Text a person reads: plain, or in several languages (fields.c). */
const char *load_user_text(loader *L, const ynode *n, const char *what);
const char *load_opt_user_text(loader *L, const ynode *n, const char *what);
size_t load_get_user_text_list(loader *L, const ynode *n, const char *what, const char ***out);
void load_missing(loader *L, const ynode *map, const char *key, const char *what);
bool load_get_id(loader *L, const ynode *n, const char *what, const char **out);
bool load_get_date(loader *L, const ynode *n, const char *what, itin_date *out);
bool load_get_time(loader *L, const ynode *n, const char *what, bool allow_24, int *out, itin_offset *off);
bool load_get_datetime(loader *L, const ynode *n, const char *what, itin_date *date, int *min,
                       itin_offset *off);
const char *load_get_zone(loader *L, const ynode *n, const char *what, const char *example,
                          const char *country, bool defer);
void load_zone_unknown(loader *L, itin_pos pos, const char *tz, const char *example, const char *country);
void load_get_accept(loader *L, const ynode *n, unsigned *out);
bool load_get_duration(loader *L, const ynode *n, const char *what, bool positive, int *out);
bool load_get_mode(loader *L, const ynode *n, const char *what, itin_mode *out);
bool load_get_bool(loader *L, const ynode *n, const char *what, bool *out);
bool load_get_email(loader *L, const ynode *n, const char *what, const char **out);
size_t load_get_text_list(loader *L, const ynode *n, const char *what, const char ***out);
void load_get_contact(loader *L, const ynode *n, const char *what, itin_contact *c);

/* ------------------------------------------------------ walkers per entity */

/* The known keys of one kind of mapping: an enum's constants index a table
 * written with designated initializers, so that a key missing from the
 * table is a NULL entry, which tests/unit/test_loader.c finds. Each file
 * lists its tables, ending with a NULL name. */
typedef struct load_key_table {
    const char *name;
    const char *const *keys;
    size_t n;
} load_key_table;
extern const load_key_table load_field_key_tables[], load_delegation_key_tables[], load_place_key_tables[],
    load_item_key_tables[], load_company_key_tables[];

void load_walk_delegation(loader *L, const ynode *n); /* delegation.c */
void load_get_who(loader *L, const ynode *n, itin_who *w);

void load_walk_institution(loader *L, const ynode *n); /* places.c */
void load_get_place_codes(loader *L, const ynode *cn, const ynode *rn, const char **country,
                          const char **region);
bool load_get_place(loader *L, const ynode *n, const char *what, size_t *out);

void load_walk_visit(loader *L, const ynode *n); /* items.c */
void load_walk_leg(loader *L, const ynode *n);
void load_walk_lodging(loader *L, const ynode *n);
void load_walk_travel_time(loader *L, const ynode *n);
void load_walk_holiday(loader *L, const ynode *n);

void load_walk_company(loader *L, const ynode *n); /* companies.c */
void load_walk_session(loader *L, const ynode *n);
/* Company ids of the sessions, once every file is read. */
void load_resolve_matchmaking(loader *L);

/* A list that keeps the order of the file: a slot is held in the plan's list
 * for an element that waits, and the slots of elements that turned out
 * invalid are dropped at the end. */
typedef struct load_slots {
    size_t (*hold)(loader *L);
    void (*drop_unfilled)(loader *L);
} load_slots;
extern const load_slots load_visit_slots, load_leg_slots, load_lodging_slots;

/* ------------------------------------------------ files and streaming */

/* Read one file's top-level mapping (stream.c). */
void load_stream_file(loader *L, const char *name, const char *dir, const char *buf, size_t len, bool is_main,
                      bool builtin);
/* The key of a top-level kind, TOP_* (stream.c). */
const char *load_top_key(int kind);
/* Walk what had to wait, in the order of the files (stream.c). */
void load_walk_deferred(loader *L);
/* Read the files an `include` names (files.c). */
void load_includes(loader *L, const ynode *inc, const char *dir);

#endif
