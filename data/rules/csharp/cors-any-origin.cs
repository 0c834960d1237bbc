using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Web;

public static class CorsSetup
{
    public static void Configure(IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("public", policy =>
                // ruleid: csharp.cors-any-origin
                policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
            options.AddPolicy("partners", policy => policy
                // ruleid: csharp.cors-any-origin
                .SetIsOriginAllowed(origin => true)
                .AllowCredentials());
            // ruleid: csharp.cors-any-origin
            options.AddPolicy("legacy", policy => policy.WithOrigins("*"));
            options.AddPolicy("shop", policy => policy
                // ok: csharp.cors-any-origin
                .WithOrigins("https://shop.example.com")
                .AllowCredentials());
        });
    }

    public static void Headers(HttpResponse response)
    {
        // ruleid: csharp.cors-any-origin
        response.Headers["Access-Control-Allow-Origin"] = "*";
        // ok: csharp.cors-any-origin
        response.Headers["Cache-Control"] = "no-store";
    }
}
