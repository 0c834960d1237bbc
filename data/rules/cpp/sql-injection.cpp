#include <fmt/format.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>

namespace store {

pqxx::result orders(pqxx::work& txn, const std::string& status)
{
    // ruleid: cpp.sql-injection
    return txn.exec("SELECT id, total FROM orders WHERE status = '" + status + "'");
}

pqxx::result archive(pqxx::work& txn, const std::string& before)
{
    // ruleid: cpp.sql-injection
    return txn.exec(fmt::format("DELETE FROM orders WHERE created < '{}'", before));
}

pqxx::result orders_safely(pqxx::work& txn, const std::string& status)
{
    // ok: cpp.sql-injection
    return txn.exec_params("SELECT id, total FROM orders WHERE status = $1", status);
}

}  // namespace store
