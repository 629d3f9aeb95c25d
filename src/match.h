/* match: the B2B matchmaking assignment — which requested pair meets in
 * which slot — as a problem of its own (match_solve.c: the mixed-integer
 * program on GLPK, and the greedy baseline), and its place in the
 * scheduler (match.c). */
#ifndef ITIN_MATCH_H
#define ITIN_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A pair of companies that asked to meet: a and b index the problem's
 * companies; weight is the sum of both directions' priorities. */
typedef struct match_pair {
    size_t a, b;
    int weight;
    bool interpreted; /* no common language: needs an interpreter */
} match_pair;

/* One session's assignment problem. */
typedef struct match_problem {
    size_t n_companies;
    int n_slots, tables, interpreters;
    const uint8_t *free; /* n_companies * n_slots: 1 when the company may meet in that slot */
    const match_pair *pairs;
    size_t n_pairs;
    /* Companies that share a participant, who attends one meeting at a
     * time: n_groups rows of n_companies flags. */
    const uint8_t *groups;
    size_t n_groups;
} match_problem;

/* A solution: each pair's slot (from 0) or -1, and how good it is. */
typedef struct match_solution {
    int *slot;      /* n_pairs entries, owned by the caller */
    long weight;    /* total weight of the pairs that meet */
    long bound;     /* proven upper bound on the weight */
    bool optimal;   /* weight == bound, proven */
    double seconds; /* time spent solving */
} match_solution;

/* The mixed-integer program of matchmaking (docs/format.md §19): maximise the weight, then
 * prefer earlier slots, then fewer idle slots between a company's meetings.
 * Stops after time_limit seconds with the best assignment found (never
 * worse than the greedy one) and the bound proven so far. */
void match_solve_milp(const match_problem *p, double time_limit, match_solution *out);

/* The baseline: pairs by weight (then in order), each in its earliest slot
 * that keeps every rule. out->bound is the sum of all weights. */
void match_solve_greedy(const match_problem *p, match_solution *out);

/* Whether a solution keeps every rule of the problem: 0, or a message. */
const char *match_check(const match_problem *p, const int *slot);

#endif
