using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Web;

[ApiController]
[Route("files")]
public sealed class FilesController : ControllerBase
{
    private static readonly HashSet<string> PreviewHosts = new(StringComparer.OrdinalIgnoreCase) { "images.example.com" };
    private readonly string _root = Path.GetFullPath("/var/app/files");
    private readonly IHttpClientFactory _clients;
    private readonly ILogger<FilesController> _log;

    public FilesController(IHttpClientFactory clients, ILogger<FilesController> log)
    {
        _clients = clients;
        _log = log;
    }

    [HttpGet("{name}")]
    public IActionResult Download(string name)
    {
        var full = Path.GetFullPath(Path.Combine(_root, Path.GetFileName(name)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return BadRequest();
        }
        return PhysicalFile(full, "application/octet-stream");
    }

    [HttpPost]
    public async Task<IActionResult> Upload(IFormFile upload)
    {
        var safeName = Path.GetFileName(upload.FileName);
        var target = Path.Combine(_root, Guid.NewGuid().ToString("N") + Path.GetExtension(safeName));
        await using var stream = System.IO.File.Create(target);
        await upload.CopyToAsync(stream);
        return Created($"/files/{Path.GetFileName(target)}", null);
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview([FromQuery] string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !PreviewHosts.Contains(uri.Host))
        {
            return BadRequest("host not allowed");
        }
        var client = _clients.CreateClient("previews");
        return File(await client.GetByteArrayAsync(uri), "image/png");
    }

    [HttpGet("search")]
    public IActionResult Search([FromQuery] string q)
    {
        var html = new HtmlString("<h1>Results for " + HtmlEncoder.Default.Encode(q) + "</h1>");
        return Content(html.Value ?? "", "text/html");
    }

    [HttpPost("thumbnail/{name}")]
    public async Task<IActionResult> Thumbnail(string name)
    {
        var source = Path.Combine(_root, Path.GetFileName(name));
        var psi = new ProcessStartInfo("convert") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add(source);
        psi.ArgumentList.Add("-thumbnail");
        psi.ArgumentList.Add("200x200");
        psi.ArgumentList.Add(source + ".thumb.png");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("convert did not start");
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? NoContent() : StatusCode(500);
    }

    private void DeleteQuietly(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (IOException ex)
        {
            _log.LogWarning(ex, "could not delete {Path}", path);
        }
    }
}
