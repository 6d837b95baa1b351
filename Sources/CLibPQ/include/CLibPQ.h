#ifndef FLASHCAST_CLIBPQ_H
#define FLASHCAST_CLIBPQ_H

// The part of libpq FlashCast uses, loaded with dlopen at the first connection so that programs
// which never touch PostgreSQL do not load libpq and its Kerberos, LDAP and TLS libraries at
// start-up. Types and values are libpq-fe.h's (stable since PostgreSQL 7.4); call
// flashcast_pq_load() first and the other functions only when it returned NULL.

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

typedef enum { CONNECTION_OK = 0, CONNECTION_BAD = 1 } ConnStatusType;
typedef enum { PGRES_EMPTY_QUERY = 0, PGRES_COMMAND_OK = 1, PGRES_TUPLES_OK = 2 } ExecStatusType;

/// Loads libpq once (thread-safe): the file named by FLASHCAST_LIBPQ when it is set, else libpq.so.5
/// from the system's library path; NULL when it is ready, else the reason it could not be loaded.
const char *flashcast_pq_load(void);

PGconn *flashcast_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
ConnStatusType flashcast_PQstatus(const PGconn *conn);
char *flashcast_PQerrorMessage(const PGconn *conn);
void flashcast_PQfinish(PGconn *conn);
int flashcast_PQbackendPID(const PGconn *conn);
PGresult *flashcast_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                                 const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                                 int resultFormat);
void flashcast_PQclear(PGresult *res);
ExecStatusType flashcast_PQresultStatus(const PGresult *res);
char *flashcast_PQresultErrorMessage(const PGresult *res);
int flashcast_PQntuples(const PGresult *res);
int flashcast_PQnfields(const PGresult *res);
int flashcast_PQgetisnull(const PGresult *res, int row, int column);
char *flashcast_PQgetvalue(const PGresult *res, int row, int column);

#endif
