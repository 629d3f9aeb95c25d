/* tempfile: temporaries beside an output, named so that a later run can tell
 * those of dead runs, and removed when SIGINT, SIGTERM or SIGHUP stop a run. */
#ifndef ITIN_CLI_TEMPFILE_H
#define ITIN_CLI_TEMPFILE_H

#include <signal.h>

/* Install the handlers that remove the registered files and directories
 * before the signal takes its usual course. Call once, first. */
void temp_init(void);

/* Create and register a temporary beside `path` (in its directory):
 * ".NAME.itinerary-tmp.PID.XXXXXX", NAME cut short to fit NAME_MAX. Returns
 * its name (the caller frees it) and an open descriptor in *fd, or NULL with
 * errno set. Temporaries of dead runs in that directory are removed first. */
char *temp_create(const char *path, int *fd);

/* Register a path to remove, or an empty directory to remove, when a signal
 * stops the run; and forget it again (after a rename, or when it is kept). */
void temp_track(const char *path, bool is_dir);
void temp_forget(const char *path);

/* Hold SIGINT, SIGTERM and SIGHUP back while files are put in place, so that
 * a run ends either before or after; release delivers what came meanwhile. */
void signals_hold(sigset_t *old);
void signals_release(const sigset_t *old);

#endif
