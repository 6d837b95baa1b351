#include "CSQLite.h"

#include <CLibraryLoader.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    int (*open_v2)(const char *, sqlite3 **, int, const char *);
    int (*close)(sqlite3 *);
    const char *(*errmsg)(sqlite3 *);
    const char *(*errstr)(int);
    int (*busy_timeout)(sqlite3 *, int);
    int (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    int (*exec)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
    int (*finalize)(sqlite3_stmt *);
    int (*reset)(sqlite3_stmt *);
    int (*clear_bindings)(sqlite3_stmt *);
    int (*bind_int64)(sqlite3_stmt *, int, sqlite3_int64);
    int (*bind_double)(sqlite3_stmt *, int, double);
    int (*bind_text)(sqlite3_stmt *, int, const char *, int, void (*)(void *));
    int (*step)(sqlite3_stmt *);
    int (*column_count)(sqlite3_stmt *);
    int (*column_type)(sqlite3_stmt *, int);
    sqlite3_int64 (*column_int64)(sqlite3_stmt *, int);
    double (*column_double)(sqlite3_stmt *, int);
    const unsigned char *(*column_text)(sqlite3_stmt *, int);
} lite;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = "libsqlite3 was not loaded";
static char load_reason[512];

#define RESOLVE(field, symbol)                                                                   \
    if (!(*(void **)&lite.field = dlsym(library, symbol))) {                                    \
        snprintf(load_reason, sizeof load_reason, "the SQLite library has no %s", symbol);       \
        return;                                                                                  \
    }

static void load(void) {
    static const char *const names[] = {"libsqlite3.so.0", "libsqlite3.0.dylib", "libsqlite3.so", "libsqlite3.dylib"};
    void *library = flashcast_open_library("FLASHCAST_LIBSQLITE3", names, sizeof names / sizeof names[0],
                                           "the SQLite library libsqlite3", load_reason, sizeof load_reason);
    if (!library) {
        load_failure = load_reason;
        return;
    }
    load_failure = load_reason;
    RESOLVE(open_v2, "sqlite3_open_v2")
    RESOLVE(close, "sqlite3_close")
    RESOLVE(errmsg, "sqlite3_errmsg")
    RESOLVE(errstr, "sqlite3_errstr")
    RESOLVE(busy_timeout, "sqlite3_busy_timeout")
    RESOLVE(prepare_v2, "sqlite3_prepare_v2")
    RESOLVE(exec, "sqlite3_exec")
    RESOLVE(finalize, "sqlite3_finalize")
    RESOLVE(reset, "sqlite3_reset")
    RESOLVE(clear_bindings, "sqlite3_clear_bindings")
    RESOLVE(bind_int64, "sqlite3_bind_int64")
    RESOLVE(bind_double, "sqlite3_bind_double")
    RESOLVE(bind_text, "sqlite3_bind_text")
    RESOLVE(step, "sqlite3_step")
    RESOLVE(column_count, "sqlite3_column_count")
    RESOLVE(column_type, "sqlite3_column_type")
    RESOLVE(column_int64, "sqlite3_column_int64")
    RESOLVE(column_double, "sqlite3_column_double")
    RESOLVE(column_text, "sqlite3_column_text")
    load_failure = NULL;
}

const char *flashcast_sqlite_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

int flashcast_sqlite3_open_v2(const char *filename, sqlite3 **database, int flags, const char *vfs) {
    return lite.open_v2(filename, database, flags, vfs);
}
int flashcast_sqlite3_close(sqlite3 *database) { return lite.close(database); }
const char *flashcast_sqlite3_errmsg(sqlite3 *database) { return lite.errmsg(database); }
const char *flashcast_sqlite3_errstr(int code) { return lite.errstr(code); }
int flashcast_sqlite3_busy_timeout(sqlite3 *database, int milliseconds) {
    return lite.busy_timeout(database, milliseconds);
}
int flashcast_sqlite3_prepare_v2(sqlite3 *database, const char *sql, int bytes, sqlite3_stmt **statement,
                                 const char **tail) {
    return lite.prepare_v2(database, sql, bytes, statement, tail);
}
int flashcast_sqlite3_exec(sqlite3 *database, const char *sql) { return lite.exec(database, sql, NULL, NULL, NULL); }
int flashcast_sqlite3_finalize(sqlite3_stmt *statement) { return lite.finalize(statement); }
int flashcast_sqlite3_reset(sqlite3_stmt *statement) { return lite.reset(statement); }
int flashcast_sqlite3_clear_bindings(sqlite3_stmt *statement) { return lite.clear_bindings(statement); }
int flashcast_sqlite3_bind_int64(sqlite3_stmt *statement, int index, sqlite3_int64 value) {
    return lite.bind_int64(statement, index, value);
}
int flashcast_sqlite3_bind_double(sqlite3_stmt *statement, int index, double value) {
    return lite.bind_double(statement, index, value);
}
int flashcast_sqlite3_bind_text_copy(sqlite3_stmt *statement, int index, const char *text) {
    return lite.bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}
int flashcast_sqlite3_step(sqlite3_stmt *statement) { return lite.step(statement); }
int flashcast_sqlite3_column_count(sqlite3_stmt *statement) { return lite.column_count(statement); }
int flashcast_sqlite3_column_type(sqlite3_stmt *statement, int column) { return lite.column_type(statement, column); }
sqlite3_int64 flashcast_sqlite3_column_int64(sqlite3_stmt *statement, int column) {
    return lite.column_int64(statement, column);
}
double flashcast_sqlite3_column_double(sqlite3_stmt *statement, int column) {
    return lite.column_double(statement, column);
}
const unsigned char *flashcast_sqlite3_column_text(sqlite3_stmt *statement, int column) {
    return lite.column_text(statement, column);
}
