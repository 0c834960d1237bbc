using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Web;

public class PreviewController : Controller
{
    private static readonly HashSet<string> AllowedHosts = new() { "images.example.com" };
    private readonly HttpClient _http;

    public PreviewController(HttpClient http) => _http = http;

    public async Task<string> Fetch()
    {
        // ruleid: csharp.ssrf
        return await _http.GetStringAsync(Request.Query["url"]);
    }

    public async Task<HttpResponseMessage> Status()
    {
        // ruleid: csharp.ssrf
        return await _http.GetAsync($"http://{Request.Query["host"]}/status");
    }

    public async Task<string> Item()
    {
        // ok: csharp.ssrf
        return await _http.GetStringAsync($"https://api.example.com/items/{Uri.EscapeDataString(Request.Query["id"])}");
    }

    public async Task<string> FetchAllowed()
    {
        // ok: csharp.ssrf
        var uri = RequireAllowedHost(Request.Query["url"]);
        return await _http.GetStringAsync(uri);
    }

    private static Uri RequireAllowedHost(string raw)
    {
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !AllowedHosts.Contains(uri.Host))
        {
            throw new ArgumentException("host not allowed");
        }
        return uri;
    }
}
