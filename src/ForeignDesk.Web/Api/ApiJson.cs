using System.Text.Json;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Api;

/// <summary>
/// A 200 JSON answer with a weak <c>ETag</c> of its body; <c>304 Not Modified</c> when the client's
/// <c>If-None-Match</c> names it. Clients revalidate every time (<c>no-cache</c>).
/// </summary>
internal sealed class ApiJson<T>(T value) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var response = httpContext.Response;
        var etag = EntityTags.Of(body);
        response.GetTypedHeaders().ETag = etag;
        response.Headers.CacheControl = "no-cache";
        if (EntityTags.IsNotModified(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}

internal static class ApiJson
{
    public static ApiJson<T> Of<T>(T value) => new(value);
}
