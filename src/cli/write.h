/* write: outputs that never hurt the user's files — one file atomically, or
 * a set of files all or nothing; never an input, with the mode, owner and
 * links the user gave the file kept. */
#ifndef ITIN_CLI_WRITE_H
#define ITIN_CLI_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "itinerary/itinerary.h"

/* Renders one output into `out`; 0 on success, -1 with errno on failure. */
typedef int (*writer_fn)(void *ctx, FILE *out);

/* Call once, first: remembers the umask and installs the signal handlers
 * that remove temporaries. */
void write_init(void);

/* No output may be the same file as the plan's main file or any file it
 * includes: later writes to one of them are refused with EXIT_INVALID. */
void write_protect(const itin_plan *plan);

/* Write to `path` ("-" or NULL: standard output). A regular file is replaced
 * by a complete temporary renamed over it (its mode and owner kept, a
 * symbolic link written through); a file with other hard links, a device or
 * a pipe is written in place. Returns EXIT_OK, or after printing why
 * EXIT_INVALID (an input) or EXIT_WRITE (then `path` is untouched). */
int write_atomic(const char *path, writer_fn fn, void *ctx);

/* A set of files written all or nothing. */
typedef struct write_set write_set;

write_set *write_set_new(void);
/* Render one more file into a temporary beside `path`; EXIT_OK, or the exit
 * status after printing why. */
int write_set_add(write_set *s, const char *path, writer_fn fn, void *ctx);
/* Have `path` removed when the set is put in place (a file an earlier run
 * wrote that no longer belongs); nothing when it does not exist. */
int write_set_remove(write_set *s, const char *path);
/* Put every file in place. If any step fails, every file is restored to what
 * it was (or removed when it did not exist) and -1 is returned after
 * printing why. Signals wait until it is done. */
int write_set_commit(write_set *s);
/* Drop what has not been committed (temporaries are removed) and free. */
void write_set_free(write_set *s);

#endif
