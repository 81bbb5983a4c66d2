using System.Globalization;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// Counts a view of every article page answered 200, whether rendered or served from the page cache, or 304 (a reader
/// whose browser already held the page); not a <c>HEAD</c>, which reads no page.
/// </summary>
internal static class ArticleViews
{
    public static async Task CountAsync(HttpContext context, RequestDelegate next, ViewCounter counter)
    {
        await next(context);
        if (context.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            || !HttpMethods.IsGet(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/article", out var rest)
            || rest.Value is not { Length: > 1 } path
            || HeadRequests.CameAsHead(context))
            return;
        var end = path.IndexOf('/', 1);
        if (long.TryParse(path.AsSpan(1, (end < 0 ? path.Length : end) - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            counter.Count(id);
    }
}
