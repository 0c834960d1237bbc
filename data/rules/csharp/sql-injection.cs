using System.Collections.Generic;
using System.Data.SqlClient;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public class OrderStore
{
    private readonly SqlConnection _conn;
    private readonly ShopContext _db;

    public OrderStore(SqlConnection conn, ShopContext db)
    {
        _conn = conn;
        _db = db;
    }

    public SqlDataReader ByCustomer(string customer)
    {
        // ruleid: csharp.sql-injection
        var cmd = new SqlCommand("SELECT * FROM Orders WHERE Customer = '" + customer + "'", _conn);
        return cmd.ExecuteReader();
    }

    public int Cancel(int id, string reason)
    {
        // ruleid: csharp.sql-injection
        return _db.Database.ExecuteSqlRaw($"UPDATE Orders SET Status = 'cancelled', Reason = '{reason}' WHERE Id = {id}");
    }

    public List<Order> ByStatus(string status)
    {
        // ruleid: csharp.sql-injection
        return _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Status = '" + status + "'").ToList();
    }

    public IEnumerable<Order> Search(string name)
    {
        // ruleid: csharp.sql-injection
        return _conn.Query<Order>($"SELECT * FROM Orders WHERE Name LIKE '%{name}%'");
    }

    public void Sort(SqlCommand cmd, string column)
    {
        // ruleid: csharp.sql-injection
        cmd.CommandText = "SELECT * FROM Orders ORDER BY " + column;
    }

    public SqlDataReader ByCustomerSafely(string customer)
    {
        // ok: csharp.sql-injection
        var cmd = new SqlCommand("SELECT * FROM Orders WHERE Customer = @customer", _conn);
        cmd.Parameters.AddWithValue("@customer", customer);
        return cmd.ExecuteReader();
    }

    public List<Order> ByStatusSafely(string status)
    {
        // ok: csharp.sql-injection
        return _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}").ToList();
    }

    public IEnumerable<Order> SearchSafely(string name)
    {
        // ok: csharp.sql-injection
        return _conn.Query<Order>("SELECT * FROM Orders WHERE Name LIKE @pattern", new { pattern = "%" + name + "%" });
    }
}
