/* write: outputs that are never left half-written — one file atomically, or
 * a set of files all or nothing. */
#ifndef ITIN_CLI_WRITE_H
#define ITIN_CLI_WRITE_H

#include <stdio.h>

/* Renders one output into `out`; 0 on success, -1 with errno on failure. */
typedef int (*writer_fn)(void *ctx, FILE *out);

/* Write to `path` through a temporary file beside it, renamed over it only
 * when complete; "-" or NULL is standard output. 0, or -1 after printing why
 * (then `path` is untouched). */
int write_atomic(const char *path, writer_fn fn, void *ctx);

/* A set of files written all or nothing. */
typedef struct write_set write_set;

write_set *write_set_new(void);
/* Render one more file into a temporary beside `path`; -1 after printing why. */
int write_set_add(write_set *s, const char *path, writer_fn fn, void *ctx);
/* Put every file in place. If any step fails, every file is restored to what
 * it was (or removed when it did not exist) and -1 is returned after
 * printing why. */
int write_set_commit(write_set *s);
/* Drop what has not been committed (temporaries are removed) and free. */
void write_set_free(write_set *s);

#endif
