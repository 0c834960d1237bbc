using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Shop.Orders;

public sealed record Order(int Id, string Customer, string Status, decimal Total);

public sealed class OrderService
{
    private static readonly IReadOnlyDictionary<string, string> SortedQueries = new Dictionary<string, string>
    {
        ["date"] = "SELECT Id, Customer, Status, Total FROM Orders WHERE Customer = @customer ORDER BY Created DESC",
        ["total"] = "SELECT Id, Customer, Status, Total FROM Orders WHERE Customer = @customer ORDER BY Total DESC",
    };

    private readonly string _connectionString;
    private readonly ShopContext _db;
    private readonly ILogger<OrderService> _log;

    public OrderService(IConfiguration config, ShopContext db, ILogger<OrderService> log)
    {
        _connectionString = config.GetConnectionString("Shop")
            ?? throw new InvalidOperationException("connection string 'Shop' is not configured");
        _db = db;
        _log = log;
    }

    public async Task<Order?> FindAsync(int id, CancellationToken ct)
    {
        await using var conn = new SqlConnection(_connectionString);
        await using var cmd = new SqlCommand("SELECT Id, Customer, Status, Total FROM Orders WHERE Id = @id", conn);
        cmd.Parameters.Add(new SqlParameter("@id", SqlDbType.Int) { Value = id });
        await conn.OpenAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Order(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3))
            : null;
    }

    public async Task<IEnumerable<Order>> ForCustomerAsync(string customer, string sort)
    {
        var sql = SortedQueries.TryGetValue(sort, out var chosen) ? chosen : SortedQueries["date"];
        await using var conn = new SqlConnection(_connectionString);
        return await conn.QueryAsync<Order>(sql, new { customer });
    }

    public Task<List<Order>> ByStatusAsync(string status, CancellationToken ct) =>
        _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}").ToListAsync(ct);

    public Task<int> CancelAsync(int id, string reason, CancellationToken ct) =>
        _db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Orders SET Status = 'cancelled', Reason = {reason} WHERE Id = {id}", ct);

    public async Task<int> ArchiveAsync(DateTime before, CancellationToken ct)
    {
        try
        {
            return await _db.Orders.Where(o => o.Created < before).ExecuteDeleteAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            _log.LogError(ex, "archiving orders before {Before} failed", before);
            throw;
        }
    }

    public async Task<decimal> RevenueAsync()
    {
        await using var conn = new SqlConnection(_connectionString);
        var sql = "SELECT COALESCE(SUM(Total), 0) FROM Orders WHERE Status = @status";
        return await conn.ExecuteScalarAsync<decimal>(sql, new { status = "paid" });
    }
}

public sealed class ShopContext : DbContext
{
    public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }

    public DbSet<OrderRow> Orders => Set<OrderRow>();
}

public sealed class OrderRow
{
    public int Id { get; set; }
    public string Status { get; set; } = "open";
    public DateTime Created { get; set; }
}
