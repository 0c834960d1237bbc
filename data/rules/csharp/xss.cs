using System.Threading.Tasks;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.Text.Encodings.Web;

namespace Shop.Web;

public static class HtmlHelpers
{
    public static IHtmlContent Bio(this IHtmlHelper html, string bio)
    {
        // ruleid: csharp.xss
        return html.Raw(bio);
    }

    public static IHtmlContent Banner(string message)
    {
        // ruleid: csharp.xss
        return new HtmlString("<div class=\"banner\">" + message + "</div>");
    }

    public static IHtmlContent Safe(string message)
    {
        // ok: csharp.xss
        return new HtmlString("<div class=\"banner\">" + HtmlEncoder.Default.Encode(message) + "</div>");
    }

    public static IHtmlContent Static()
    {
        // ok: csharp.xss
        return new HtmlString("<hr/>");
    }
}

public class SearchController : Controller
{
    public async Task Legacy()
    {
        // ruleid: csharp.xss
        await Response.WriteAsync("<h1>" + Request.Query["q"] + "</h1>");
    }

    public IActionResult Hello(string name)
    {
        // ruleid: csharp.xss
        return Content($"<h1>Hello {name}</h1>", "text/html");
    }

    public IActionResult HelloText(string name)
    {
        // ok: csharp.xss
        return Content($"Hello {name}", "text/plain");
    }

    public IActionResult HelloView(string name)
    {
        // ok: csharp.xss
        return View(model: name);
    }
}
