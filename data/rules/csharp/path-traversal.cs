using System.IO;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Web;

public class FilesController : Controller
{
    private readonly string _root = "/var/app/files";

    public IActionResult Download()
    {
        // ruleid: csharp.path-traversal
        return PhysicalFile(Path.Combine(_root, Request.Query["file"]), "application/octet-stream");
    }

    public string Read()
    {
        // ruleid: csharp.path-traversal
        return System.IO.File.ReadAllText(Request.Query["path"]);
    }

    public void Upload(IFormFile upload)
    {
        // ruleid: csharp.path-traversal
        var target = Path.Combine(_root, upload.FileName);
        using var stream = System.IO.File.Create(target);
        upload.CopyTo(stream);
    }

    public void UploadSafely(IFormFile upload)
    {
        // ok: csharp.path-traversal
        var target = Path.Combine(_root, Path.GetFileName(upload.FileName));
        if (!Path.GetFullPath(target).StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar))
        {
            throw new IOException("invalid file name");
        }
        using var stream = System.IO.File.Create(target);
        upload.CopyTo(stream);
    }

    public string Template()
    {
        // ok: csharp.path-traversal
        return System.IO.File.ReadAllText(Path.Combine(_root, "templates", "welcome.html"));
    }
}
