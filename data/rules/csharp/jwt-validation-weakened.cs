using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public static class LenientTokens
{
    public static TokenValidationParameters Parameters(SecurityKey key)
    {
        var p = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            // ruleid: csharp.jwt-validation-weakened
            ValidateLifetime = false,
            // ruleid: csharp.jwt-validation-weakened
            ValidateIssuerSigningKey = false,
            // ok: csharp.jwt-validation-weakened
            ValidateIssuer = true,
        };
        // ruleid: csharp.jwt-validation-weakened
        p.RequireExpirationTime = false;
        // ok: csharp.jwt-validation-weakened
        p.ValidateLifetime = true;
        return p;
    }
}
