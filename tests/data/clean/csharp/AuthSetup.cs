using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public sealed class Account
{
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

public static class AuthSetup
{
    private const string PasswordResetPath = "/account/reset";
    private const string ApiKeyHeader = "X-Api-Key";

    public static void AddShopAuth(this IServiceCollection services, IConfiguration config)
    {
        var signingKey = config["Jwt:SigningKey"]
            ?? Environment.GetEnvironmentVariable("JWT_SIGNING_KEY")
            ?? throw new InvalidOperationException("no JWT signing key configured");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = "https://auth.example.com",
                    ValidateAudience = true,
                    ValidAudience = "shop-api",
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddCors(options =>
        {
            options.AddPolicy("shop", policy => policy
                .WithOrigins("https://shop.example.com", "https://admin.example.com")
                .WithHeaders("Authorization", "Content-Type", ApiKeyHeader)
                .AllowCredentials());
        });

        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddHttpClient("partner")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
                    errors == SslPolicyErrors.None && cert is not null && cert.Issuer.Contains("CN=Example Partner CA"),
            });
    }

    public static void UseShopPipeline(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseCors("shop");
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static string NewResetToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return token.Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    public static string NewOtp()
    {
        var otp = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        return otp;
    }

    public static byte[] DeriveKey(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);

    public static string Fingerprint(X509Certificate2 cert) =>
        Convert.ToHexString(SHA256.HashData(cert.RawData));

    public static string ResetLink(string baseUrl, string token) =>
        $"{baseUrl}{PasswordResetPath}?token={Uri.EscapeDataString(token)}";

    public static Dictionary<string, string>? ReadClaims(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"invalid claims payload: {ex.Message}");
            return null;
        }
    }
}
