#ifndef FLASHCAST_CLIBRARYLOADER_H
#define FLASHCAST_CLIBRARYLOADER_H

#include <stddef.h>

// Opening a client library with dlopen when it is first needed (libpq, libsqlite3), so that programs
// which never use it do not map it at start-up.

/// Opens the file the environment variable `variable` names when it is set, else the first of `names`
/// (`count` of them) that loads; NULL when none does, with `reason` (`size` bytes) saying
/// "<what> cannot be loaded (<the loader's message>)".
void *flashcast_open_library(const char *variable, const char *const *names, size_t count, const char *what,
                             char *reason, size_t size);

#endif
