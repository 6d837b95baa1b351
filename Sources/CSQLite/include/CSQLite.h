#ifndef FLASHCAST_CSQLITE_H
#define FLASHCAST_CSQLITE_H

// The part of SQLite's C API FlashCast uses, loaded with dlopen when the first database file is opened,
// so that programs which never read SQLite do not map libsqlite3 at start-up. Types and constants are
// sqlite3.h's (Debian's libsqlite3-dev); call flashcast_sqlite_load() first and the other functions only
// when it returned NULL.

#include <sqlite3.h>

/// Loads libsqlite3 once (thread-safe): the file named by FLASHCAST_LIBSQLITE3 when it is set, else
/// libsqlite3.so.0 from the system's library path; NULL when it is ready, else the reason it could not be.
const char *flashcast_sqlite_load(void);

int flashcast_sqlite3_open_v2(const char *filename, sqlite3 **database, int flags, const char *vfs);
int flashcast_sqlite3_close(sqlite3 *database);
const char *flashcast_sqlite3_errmsg(sqlite3 *database);
const char *flashcast_sqlite3_errstr(int code);
int flashcast_sqlite3_busy_timeout(sqlite3 *database, int milliseconds);
int flashcast_sqlite3_prepare_v2(sqlite3 *database, const char *sql, int bytes, sqlite3_stmt **statement,
                                 const char **tail);
int flashcast_sqlite3_exec(sqlite3 *database, const char *sql);
int flashcast_sqlite3_finalize(sqlite3_stmt *statement);
int flashcast_sqlite3_reset(sqlite3_stmt *statement);
int flashcast_sqlite3_clear_bindings(sqlite3_stmt *statement);
int flashcast_sqlite3_bind_int64(sqlite3_stmt *statement, int index, sqlite3_int64 value);
int flashcast_sqlite3_bind_double(sqlite3_stmt *statement, int index, double value);
/// Binds a copy of the NUL-terminated text (SQLITE_TRANSIENT, a macro Swift cannot import).
int flashcast_sqlite3_bind_text_copy(sqlite3_stmt *statement, int index, const char *text);
int flashcast_sqlite3_step(sqlite3_stmt *statement);
int flashcast_sqlite3_column_count(sqlite3_stmt *statement);
int flashcast_sqlite3_column_type(sqlite3_stmt *statement, int column);
sqlite3_int64 flashcast_sqlite3_column_int64(sqlite3_stmt *statement, int column);
double flashcast_sqlite3_column_double(sqlite3_stmt *statement, int column);
const unsigned char *flashcast_sqlite3_column_text(sqlite3_stmt *statement, int column);

#endif
