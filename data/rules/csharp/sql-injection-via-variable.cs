using System.Data.SqlClient;
using System.Threading.Tasks;
using Dapper;

namespace Shop.Data;

public class OrderArchive
{
    private readonly SqlConnection _conn;

    public OrderArchive(SqlConnection conn) => _conn = conn;

    // ruleid: csharp.sql-injection-via-variable
    public async Task<int> Archive(string before)
    {
        var sql = string.Format("DELETE FROM Orders WHERE Created < '{0}'", before);
        await using var command = new SqlCommand(sql, _conn);
        return await command.ExecuteNonQueryAsync();
    }

    // ruleid: csharp.sql-injection-via-variable
    public Task<int> Purge(string customer)
    {
        var sql = $"DELETE FROM Orders WHERE Customer = '{customer}'";
        return _conn.ExecuteAsync(sql);
    }

    // ok: csharp.sql-injection-via-variable
    public Task<int> PurgeSafely(string customer)
    {
        var sql = "DELETE FROM Orders WHERE Customer = @customer";
        var label = $"purging {customer}";
        System.Console.WriteLine(label);
        return _conn.ExecuteAsync(sql, new { customer });
    }
}
