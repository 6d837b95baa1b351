/// The one atomic file writer of FlashCast, in C so its cleanup is async-signal-safe.
///
/// A regular file (or a missing one) is replaced atomically: the bytes go to a temporary file in the
/// target's folder, which is flushed and renamed over the target when the output is committed.
/// Symbolic links are followed, so the link stays a link and its target gets the bytes; devices,
/// FIFOs and sockets are written in place. Every temporary is registered in a process-wide table, so
/// `oshim_remove_temporaries` (safe in a signal handler) can remove them all.
#ifndef OUTPUT_SHIM_H
#define OUTPUT_SHIM_H

#include <sys/types.h>

/// Refusals of a confined output (the values `oshim_open` returns besides 0 and `errno` values).
typedef enum oshim_Refusal {
    /// The path is a symbolic link (opening in place only).
    OSHIM_REFUSED_LINK = -1,
    /// The file has more than one hard link (opening in place only).
    OSHIM_REFUSED_HARD_LINK = -2,
    /// The file is not a regular file (a device, a FIFO, a socket).
    OSHIM_REFUSED_KIND = -3,
    /// The file, or its folder once links are resolved, is outside the confining folder.
    OSHIM_REFUSED_OUTSIDE = -4,
} oshim_Refusal;

/// How to open an output.
typedef enum oshim_Flags {
    /// The temporary is opened for reading too (Lua's "w+").
    OSHIM_READABLE = 1,
    /// "-" means standard output.
    OSHIM_DASH_IS_STDOUT = 2,
} oshim_Flags;

/// An output being written.
typedef struct oshim_Output {
    /// Where the bytes go; -1 once closed.
    int fd;
    /// The target's folder while a temporary waits to be renamed; -1 when written in place.
    int folder;
    /// The registry slot naming the temporary; -1 when written in place.
    int slot;
    /// The target's name inside `folder`.
    char name[256];
} oshim_Output;

/// Opens an output for `path`; returns 0, an `errno` value, or an `oshim_Refusal`.
/// With `confine` (a resolved folder), the output must lie inside it and be a regular file or missing.
/// `mode` is the permissions of a new file (before the umask); a replaced file keeps its own.
int oshim_open(const char *path, const char *confine, int flags, mode_t mode, oshim_Output *output);

/// Flushes the temporary to disk, closes it and renames it over the target (in place: closes).
/// Returns 0 or an `errno` value; the output is released either way (a failed temporary is removed).
int oshim_commit(oshim_Output *output);

/// Closes the output and removes its temporary; the target is left as it was.
void oshim_discard(oshim_Output *output);

/// Writes the path of the temporary into `buffer` (for tools that write by name); 0 or an `errno` value.
int oshim_temporary_path(const oshim_Output *output, char *buffer, size_t size);

/// Opens `path` in place for Lua's "r+", "a" or "a+" (`openFlags` as for open(2)) inside `confine`:
/// refuses a symbolic link, a file with several hard links and anything but a regular file, checking
/// the opened descriptor. Returns 0 with `*fd` set, an `errno` value, or an `oshim_Refusal`.
int oshim_open_confined(const char *path, const char *confine, int openFlags, int *fd);

/// The reason for a refusal, as messages say it: `it is a symbolic link`; for
/// `OSHIM_REFUSED_OUTSIDE`, `it links outside` (the caller names the folder).
const char *oshim_refusal_reason(int refusal);

/// Removes every registered temporary; outputs not yet committed then fail to commit.
/// Async-signal-safe: call it from a signal handler or a watchdog before ending the process.
void oshim_remove_temporaries(void);

#endif
