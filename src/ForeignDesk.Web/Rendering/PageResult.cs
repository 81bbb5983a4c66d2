using System.Text;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// A rendered page: UTF-8 HTML with a weak <c>ETag</c> (a hash of the page) and <c>Last-Modified</c> (when it was
/// rendered), answered <c>304 Not Modified</c> when the browser already holds it. Feeds and sitemaps are answered the
/// same way, with their own content type. Browsers revalidate every time
/// (<c>no-cache</c>), so a change reaches readers as soon as the site's cache drops the page.
/// </summary>
internal sealed class PageResult(string html, int statusCode, DateTimeOffset renderedUtc, string contentType = PageResult.HtmlType) : IResult
{
    public const string HtmlType = "text/html; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        if (statusCode != StatusCodes.Status200OK)
        {
            response.Headers.CacheControl = "no-store";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
            return;
        }

        var etag = EntityTags.Of(body);
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = renderedUtc;
        response.Headers.CacheControl = "no-cache";
        if (EntityTags.IsNotModified(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
