using System.Text;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin;

/// <summary>An admin page as a response: never stored by a cache or a browser, never indexed.</summary>
internal sealed class AdminResult(string html, int statusCode, int? retryAfterSeconds = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (retryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
