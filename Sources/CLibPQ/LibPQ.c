#include "CLibPQ.h"

#include <CLibraryLoader.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    PGconn *(*connectdbParams)(const char *const *, const char *const *, int);
    ConnStatusType (*status)(const PGconn *);
    char *(*errorMessage)(const PGconn *);
    void (*finish)(PGconn *);
    int (*backendPID)(const PGconn *);
    PGresult *(*execParams)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
    void (*clear)(PGresult *);
    ExecStatusType (*resultStatus)(const PGresult *);
    char *(*resultErrorMessage)(const PGresult *);
    int (*ntuples)(const PGresult *);
    int (*nfields)(const PGresult *);
    int (*getisnull)(const PGresult *, int, int);
    char *(*getvalue)(const PGresult *, int, int);
} pq;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = "libpq was not loaded";
static char load_reason[512];

#define RESOLVE(field, symbol)                                                                    \
    if (!(*(void **)&pq.field = dlsym(library, symbol))) {                                       \
        snprintf(load_reason, sizeof load_reason, "the PostgreSQL client library has no %s", symbol); \
        return;                                                                                   \
    }

static void load(void) {
    static const char *const names[] = {"libpq.so.5", "libpq.5.dylib", "libpq.so", "libpq.dylib"};
    void *library = flashcast_open_library("FLASHCAST_LIBPQ", names, sizeof names / sizeof names[0],
                                           "the PostgreSQL client library libpq", load_reason, sizeof load_reason);
    if (!library) {
        load_failure = load_reason;
        return;
    }
    load_failure = load_reason;
    RESOLVE(connectdbParams, "PQconnectdbParams")
    RESOLVE(status, "PQstatus")
    RESOLVE(errorMessage, "PQerrorMessage")
    RESOLVE(finish, "PQfinish")
    RESOLVE(backendPID, "PQbackendPID")
    RESOLVE(execParams, "PQexecParams")
    RESOLVE(clear, "PQclear")
    RESOLVE(resultStatus, "PQresultStatus")
    RESOLVE(resultErrorMessage, "PQresultErrorMessage")
    RESOLVE(ntuples, "PQntuples")
    RESOLVE(nfields, "PQnfields")
    RESOLVE(getisnull, "PQgetisnull")
    RESOLVE(getvalue, "PQgetvalue")
    load_failure = NULL;
}

const char *flashcast_pq_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

PGconn *flashcast_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) {
    return pq.connectdbParams(keywords, values, expand_dbname);
}
ConnStatusType flashcast_PQstatus(const PGconn *conn) { return pq.status(conn); }
char *flashcast_PQerrorMessage(const PGconn *conn) { return pq.errorMessage(conn); }
void flashcast_PQfinish(PGconn *conn) { pq.finish(conn); }
int flashcast_PQbackendPID(const PGconn *conn) { return pq.backendPID(conn); }
PGresult *flashcast_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                 const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                                 int resultFormat) {
    return pq.execParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
void flashcast_PQclear(PGresult *res) { pq.clear(res); }
ExecStatusType flashcast_PQresultStatus(const PGresult *res) { return pq.resultStatus(res); }
char *flashcast_PQresultErrorMessage(const PGresult *res) { return pq.resultErrorMessage(res); }
int flashcast_PQntuples(const PGresult *res) { return pq.ntuples(res); }
int flashcast_PQnfields(const PGresult *res) { return pq.nfields(res); }
int flashcast_PQgetisnull(const PGresult *res, int row, int column) { return pq.getisnull(res, row, column); }
char *flashcast_PQgetvalue(const PGresult *res, int row, int column) { return pq.getvalue(res, row, column); }
