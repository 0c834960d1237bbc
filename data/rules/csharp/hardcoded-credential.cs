using System;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Shop.Config;

public class Settings
{
    // ruleid: csharp.hardcoded-credential
    private const string JwtSigningKey = "Vx9q2LmZ7tR4bN8cK3wP6yH1sD5fG0aJ";
    // ruleid: csharp.hardcoded-credential
    public string SmtpPassword { get; set; } = "M@ilR3lay!2024";
    // ok: csharp.hardcoded-credential
    public const string ApiKeyHeader = "X-Api-Key";
    // ok: csharp.hardcoded-credential
    private const string TokenEndpoint = "https://login.example.com/oauth2/v2.0/token";
    // ok: csharp.hardcoded-credential
    private const string PasswordSetting = "Smtp:Password";
    // ok: csharp.hardcoded-credential
    public string ApiKey { get; set; } = "";

    public NetworkCredential Smtp()
    {
        // ruleid: csharp.hardcoded-credential
        return new NetworkCredential("mailer", "Sm7p-Relay-Pa55");
    }

    public ClientOptions Client(IConfiguration config)
    {
        return new ClientOptions
        {
            ClientId = "shop-backend",
            // ruleid: csharp.hardcoded-credential
            ClientSecret = "8Qm~vP2.xZr9-LkT4wYh6NbC1sD3fG5jH7",
            // ok: csharp.hardcoded-credential
            Token = config["Payments:Token"],
        };
    }

    public void Local()
    {
        // ok: csharp.hardcoded-credential
        var password = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "";
        // ok: csharp.hardcoded-credential
        var secret = "changeme";
        Console.WriteLine(password.Length + secret.Length);
    }
}

public class ClientOptions
{
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string? Token { get; set; }
}
