#define _GNU_SOURCE
#include "OutputShim.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

// MARK: - The registry of temporaries

enum { SLOT_FREE, SLOT_FILLING, SLOT_ACTIVE, SLOT_REMOVED, SLOT_COUNT = 256 };

/// A temporary file waiting to be renamed: its folder's descriptor and its name in that folder.
typedef struct Slot {
    atomic_int state;
    int folder;
    char name[256];
} Slot;

static Slot slots[SLOT_COUNT];

void oshim_remove_temporaries(void) {
    for (int i = 0; i < SLOT_COUNT; i++) {
        int expected = SLOT_ACTIVE;
        if (atomic_load(&slots[i].state) != SLOT_ACTIVE) continue;
        unlinkat(slots[i].folder, slots[i].name, 0);
        atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_REMOVED);
    }
}

static int claim_slot(void) {
    for (int i = 0; i < SLOT_COUNT; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_FILLING)) return i;
    }
    return -1;
}

// MARK: - Signals and exit

static const int cleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/// Removes the temporaries, then lets the signal take its default action (SA_RESETHAND restored it).
static void on_fatal_signal(int signal) {
    int saved = errno;
    oshim_remove_temporaries();
    raise(signal);  // delivered once the handler returns
    errno = saved;
}

static void register_exit_cleanup(void) { atexit(oshim_remove_temporaries); }

/// Installs the cleanup handler for every signal still at its default action: a handler someone
/// else installed (the REPL's Ctrl-C, a watchdog) stays, and calls `oshim_remove_temporaries` itself.
static void install_cleanup(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_exit_cleanup);
    struct sigaction ours;
    memset(&ours, 0, sizeof ours);
    sigemptyset(&ours.sa_mask);
    ours.sa_handler = on_fatal_signal;
    ours.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof cleanupSignals / sizeof cleanupSignals[0]; i++) {
        struct sigaction current;
        if (sigaction(cleanupSignals[i], NULL, &current) != 0 || (current.sa_flags & SA_SIGINFO)) continue;
        if (current.sa_handler == SIG_DFL) sigaction(cleanupSignals[i], &ours, NULL);
    }
}

// MARK: - Paths

/// Follows symbolic links from `path` to the file they name (which may not exist) into `target`.
static int resolve_links(const char *path, char target[PATH_MAX]) {
    if (strlen(path) >= PATH_MAX) return ENAMETOOLONG;
    strcpy(target, path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat info;
        if (lstat(target, &info) != 0) return errno == ENOENT ? 0 : errno;
        if (!S_ISLNK(info.st_mode)) return 0;
        char link[PATH_MAX];
        ssize_t length = readlink(target, link, sizeof link - 1);
        if (length < 0) return errno;
        link[length] = 0;
        char *slash = strrchr(target, '/');
        size_t keep = link[0] == '/' || slash == NULL ? 0 : (size_t)(slash - target) + 1;
        if (keep + (size_t)length >= PATH_MAX) return ENAMETOOLONG;
        memcpy(target + keep, link, (size_t)length + 1);
    }
    return ELOOP;
}

/// Splits `path` into its folder (opened as a descriptor) and its last component.
static int open_folder(const char *path, int *folder, char name[256]) {
    const char *slash = strrchr(path, '/');
    const char *last = slash ? slash + 1 : path;
    if (*last == 0 || strcmp(last, ".") == 0 || strcmp(last, "..") == 0) return EISDIR;
    if (strlen(last) > 255) return ENAMETOOLONG;
    strcpy(name, last);
    char folderPath[PATH_MAX];
    if (slash == NULL) {
        strcpy(folderPath, ".");
    } else if (slash == path) {
        strcpy(folderPath, "/");
    } else {
        memcpy(folderPath, path, (size_t)(slash - path));
        folderPath[slash - path] = 0;
    }
    *folder = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return *folder < 0 ? errno : 0;
}

/// The path the kernel knows for an open descriptor.
static int descriptor_path(int fd, char *buffer, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, buffer, size - 1);
    if (length < 0) return errno;
    buffer[length] = 0;
    return 0;
}

/// Whether the open descriptor `fd` lies inside the resolved folder `confine`.
static int descriptor_inside(int fd, const char *confine) {
    char path[PATH_MAX];
    if (descriptor_path(fd, path, sizeof path) != 0) return 0;
    if (strcmp(confine, "/") == 0) return 1;
    size_t length = strlen(confine);
    return strncmp(path, confine, length) == 0 && (path[length] == 0 || path[length] == '/');
}

/// `.NAME.partial-PID-XXXXXXXX` (the writer's process id, then random letters), in `buffer`.
static void temporary_name(const char *name, char buffer[256]) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char noise[8];
    if (getrandom(noise, sizeof noise, GRND_NONBLOCK) != (ssize_t)sizeof noise) {
        unsigned long seed = (unsigned long)clock() ^ ((unsigned long)getpid() << 16) ^ (unsigned long)(size_t)buffer;
        for (size_t i = 0; i < sizeof noise; i++) noise[i] = (unsigned char)(seed >> (i * 5));
    }
    char suffix[9];
    for (size_t i = 0; i < 8; i++) suffix[i] = letters[noise[i] % (sizeof letters - 1)];
    suffix[8] = 0;
    snprintf(buffer, 256, ".%.200s.partial-%ld-%s", name, (long)getpid(), suffix);
}

/// Removes the temporaries of `name` in `folder` that writers killed mid-write (`kill -9`, a crash,
/// the OOM killer) left behind: those whose process no longer exists. A live writer's, and those
/// without a process id, are kept.
static void remove_abandoned_temporaries(int folder, const char *name) {
    char prefix[256];
    int length = snprintf(prefix, sizeof prefix, ".%.200s.partial-", name);
    int listing = dup(folder);
    DIR *entries = listing >= 0 ? fdopendir(listing) : NULL;
    if (entries == NULL) {
        if (listing >= 0) close(listing);
        return;
    }
    for (struct dirent *entry; (entry = readdir(entries)) != NULL;) {
        if (strncmp(entry->d_name, prefix, (size_t)length) != 0) continue;
        char *end;
        long pid = strtol(entry->d_name + length, &end, 10);
        if (end == entry->d_name + length || *end != '-' || pid <= 0 || pid == (long)getpid()) continue;
        if (kill((pid_t)pid, 0) != 0 && errno == ESRCH) unlinkat(folder, entry->d_name, 0);
    }
    closedir(entries);
}

// MARK: - Outputs

static void release(oshim_Output *output) {
    if (output->slot >= 0) atomic_store(&slots[output->slot].state, SLOT_FREE);
    if (output->folder >= 0) close(output->folder);
    output->slot = -1;
    output->folder = -1;
}

/// Creates the temporary for `output->name` in `folder` and registers it.
static int create_temporary(oshim_Output *output, int folder, int access, mode_t mode, const struct stat *replaced) {
    int slot = claim_slot();
    if (slot < 0) return EMFILE;
    Slot *entry = &slots[slot];
    entry->folder = folder;
    for (int attempt = 0; attempt < 100; attempt++) {
        temporary_name(output->name, entry->name);
        atomic_store(&entry->state, SLOT_ACTIVE);  // before it exists, so no signal can leave it behind
        int fd = openat(folder, entry->name, access | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, replaced ? 0600 : mode);
        if (fd >= 0) {
            if (replaced) {
                fchmod(fd, replaced->st_mode & 0777);
                if (geteuid() == 0 && fchown(fd, replaced->st_uid, replaced->st_gid) != 0) { /* keep root's */ }
            }
            output->fd = fd;
            output->folder = folder;
            output->slot = slot;
            return 0;
        }
        int error = errno;
        atomic_store(&entry->state, SLOT_FILLING);
        if (error != EEXIST) {
            atomic_store(&entry->state, SLOT_FREE);
            return error;
        }
    }
    atomic_store(&entry->state, SLOT_FREE);
    return EEXIST;
}

int oshim_open(const char *path, const char *confine, int flags, mode_t mode, oshim_Output *output) {
    output->fd = -1;
    output->folder = -1;
    output->slot = -1;
    output->name[0] = 0;
    install_cleanup();
    if ((flags & OSHIM_DASH_IS_STDOUT) && strcmp(path, "-") == 0) {
        output->fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
        return output->fd < 0 ? errno : 0;
    }
    char target[PATH_MAX];
    int folder = -1, error = resolve_links(path, target);
    if (error == 0) error = open_folder(target, &folder, output->name);
    if (error != 0) return error;
    if (confine != NULL && !descriptor_inside(folder, confine)) error = OSHIM_REFUSED_OUTSIDE;
    struct stat info;
    int exists = error == 0 && fstatat(folder, output->name, &info, AT_SYMLINK_NOFOLLOW) == 0;
    if (error == 0 && !exists && errno != ENOENT) error = errno;
    if (error == 0 && exists && S_ISDIR(info.st_mode)) error = EISDIR;
    int access = (flags & OSHIM_READABLE) ? O_RDWR : O_WRONLY;
    if (error == 0 && exists && !S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode)) {
        if (confine != NULL) {
            error = OSHIM_REFUSED_KIND;
        } else {
            output->fd = openat(folder, output->name, access | O_NOCTTY | O_CLOEXEC);  // a device or FIFO: in place
            if (output->fd < 0) error = errno;
        }
        close(folder);
        return error;
    }
    if (error == 0) remove_abandoned_temporaries(folder, output->name);
    if (error == 0) error = create_temporary(output, folder, access, mode, exists && S_ISREG(info.st_mode) ? &info : NULL);
    if (error != 0) close(folder);
    return error;
}

int oshim_commit(oshim_Output *output) {
    int error = 0;
    if (output->fd >= 0) {
        if (output->slot >= 0 && fsync(output->fd) != 0) error = errno;
        if (close(output->fd) != 0 && error == 0 && errno != EINTR) error = errno;
        output->fd = -1;
    }
    if (output->slot < 0) return error;
    Slot *entry = &slots[output->slot];
    if (error == 0 && atomic_load(&entry->state) == SLOT_REMOVED) error = ECANCELED;
    if (error == 0 && renameat(output->folder, entry->name, output->folder, output->name) != 0) error = errno;
    if (error != 0) unlinkat(output->folder, entry->name, 0);
    release(output);
    return error;
}

void oshim_discard(oshim_Output *output) {
    if (output->fd >= 0) close(output->fd);
    output->fd = -1;
    if (output->slot >= 0) unlinkat(output->folder, slots[output->slot].name, 0);
    release(output);
}

int oshim_temporary_path(const oshim_Output *output, char *buffer, size_t size) {
    if (output->slot < 0) return EINVAL;
    char folder[PATH_MAX];
    int error = descriptor_path(output->folder, folder, sizeof folder);
    if (error != 0) return error;
    if ((size_t)snprintf(buffer, size, "%s/%s", folder, slots[output->slot].name) >= size) return ENAMETOOLONG;
    return 0;
}

const char *oshim_refusal_reason(int refusal) {
    switch (refusal) {
    case OSHIM_REFUSED_LINK: return "it is a symbolic link";
    case OSHIM_REFUSED_HARD_LINK: return "it has more than one hard link";
    case OSHIM_REFUSED_KIND: return "it is not a regular file";
    case OSHIM_REFUSED_OUTSIDE: return "it links outside";
    default: return "it is not allowed";
    }
}

int oshim_open_confined(const char *path, const char *confine, int openFlags, int *fd) {
    char name[256];
    int folder = -1, error = open_folder(path, &folder, name);
    if (error != 0) return error;
    if (!descriptor_inside(folder, confine)) {
        close(folder);
        return OSHIM_REFUSED_OUTSIDE;
    }
    *fd = openat(folder, name, openFlags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    error = *fd < 0 ? (errno == ELOOP ? OSHIM_REFUSED_LINK : errno) : 0;
    close(folder);
    if (error != 0) return error;
    struct stat info;
    if (fstat(*fd, &info) != 0) error = errno;
    else if (!S_ISREG(info.st_mode)) error = OSHIM_REFUSED_KIND;
    else if (info.st_nlink > 1) error = OSHIM_REFUSED_HARD_LINK;
    else if (!descriptor_inside(*fd, confine)) error = OSHIM_REFUSED_OUTSIDE;
    else fcntl(*fd, F_SETFL, fcntl(*fd, F_GETFL) & ~O_NONBLOCK);
    if (error != 0) {
        close(*fd);
        *fd = -1;
    }
    return error;
}
