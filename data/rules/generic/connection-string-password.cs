using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;

namespace Shop.Data;

public static class Connections
{
    // ruleid: generic.connection-string-password
    private const string Legacy = "Server=sql01;Database=Shop;User Id=shop_app;Password=Sh0pApp!2023;TrustServerCertificate=True";

    public static SqlConnection Reporting()
    {
        // ruleid: generic.connection-string-password
        return new SqlConnection("Data Source=reports;Initial Catalog=Sales;uid=report;pwd=R3p0rt$Only");
    }

    public static string Jdbc()
    {
        // ruleid: generic.connection-string-password
        return "jdbc:postgresql://db:5432/shop?user=shop&password=pgS3cret42&ssl=true";
    }

    public static SqlConnection FromConfig(IConfiguration config)
    {
        // ok: generic.connection-string-password
        return new SqlConnection(config.GetConnectionString("Shop"));
    }

    public static string Template(string password)
    {
        // ok: generic.connection-string-password
        var template = "Server=sql01;Database=Shop;User Id=shop_app;Password={0};";
        // ok: generic.connection-string-password
        var integrated = "Server=sql01;Database=Shop;Integrated Security=true;";
        // ok: generic.connection-string-password
        var masked = "Server=sql01;Password=********;";
        return string.Format(template, password) + integrated + masked;
    }
}
