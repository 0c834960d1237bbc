#include <mysql/mysql.h>
#include <sqlite3.h>
#include <string>

namespace store {

// ruleid: cpp.sql-injection-via-variable
int find_user(sqlite3* db, const std::string& name)
{
    std::string sql = "SELECT id, email FROM users WHERE name = '" + name + "'";
    return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

// ruleid: cpp.sql-injection-via-variable
int delete_session(MYSQL* conn, const char* token)
{
    char query[256];
    snprintf(query, sizeof query, "DELETE FROM sessions WHERE token = '%s'", token);
    return mysql_query(conn, query);
}

// ok: cpp.sql-injection-via-variable
int find_user_safely(sqlite3* db, const std::string& name)
{
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT id, email FROM users WHERE name = ?";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc;
}

}  // namespace store
