#include <mysql/mysql.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* ruleid: c.sql-injection */
int find_user(sqlite3 *db, const char *name, sqlite3_callback cb, void *ctx)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT id, email FROM users WHERE name = '%s'", name);
    return sqlite3_exec(db, sql, cb, ctx, NULL);
}

/* ruleid: c.sql-injection */
int delete_session(MYSQL *conn, const char *token)
{
    char query[256] = "";
    strcat(query, "DELETE FROM sessions WHERE token = '");
    strcat(query, token);
    strcat(query, "'");
    return mysql_query(conn, query);
}

/* ok: c.sql-injection */
int find_user_safely(sqlite3 *db, const char *name)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT id, email FROM users WHERE name = ?", -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        printf("%lld %s\n", (long long)sqlite3_column_int64(stmt, 0), sqlite3_column_text(stmt, 1));
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ok: c.sql-injection */
int rename_user(sqlite3 *db, const char *old_name, const char *new_name)
{
    char *sql = sqlite3_mprintf("UPDATE users SET name = %Q WHERE name = %Q", new_name, old_name);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    return rc;
}
