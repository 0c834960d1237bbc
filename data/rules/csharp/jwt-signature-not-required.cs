using System;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public static class TokenSettings
{
    public static TokenValidationParameters Broken(SecurityKey key) => new()
    {
        IssuerSigningKey = key,
        // ruleid: csharp.jwt-signature-not-required
        RequireSignedTokens = false,
        // ruleid: csharp.jwt-signature-not-required
        SignatureValidator = (token, parameters) => new JwtSecurityToken(token),
    };

    public static TokenValidationParameters Strict(SecurityKey key) => new()
    {
        IssuerSigningKey = key,
        ValidIssuer = "https://auth.example.com",
        // ok: csharp.jwt-signature-not-required
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
    };
}
