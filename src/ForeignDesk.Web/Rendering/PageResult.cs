using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// A rendered page: UTF-8 HTML with a weak <c>ETag</c> (a hash of the page) and <c>Last-Modified</c> (when it was
/// rendered), answered <c>304 Not Modified</c> when the browser already holds it. Feeds and sitemaps are answered the
/// same way, with their own content type. Browsers revalidate every time
/// (<c>no-cache</c>), so a change reaches readers as soon as the site's cache drops the page.
/// </summary>
internal sealed class PageResult : IResult
{
    public const string HtmlType = "text/html; charset=utf-8";

    private readonly string? _text;
    private StringBuilder? _built;
    private readonly int _statusCode;
    private readonly DateTimeOffset _renderedUtc;
    private readonly string _contentType;

    public PageResult(string text, int statusCode, DateTimeOffset renderedUtc, string contentType = HtmlType)
        : this(statusCode, renderedUtc, contentType) => _text = text;

    /// <summary>
    /// A page as it was built: its characters are encoded straight into the answer, never copied into one string. The
    /// result owns <paramref name="built"/>: once encoded, it goes back to <see cref="PageBuffers"/>.
    /// </summary>
    public PageResult(StringBuilder built, int statusCode, DateTimeOffset renderedUtc, string contentType = HtmlType)
        : this(statusCode, renderedUtc, contentType) => _built = built;

    private PageResult(int statusCode, DateTimeOffset renderedUtc, string contentType)
    {
        _statusCode = statusCode;
        _renderedUtc = renderedUtc;
        _contentType = contentType;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var (buffer, length) = Utf8();
        try
        {
            await WriteAsync(httpContext, buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteAsync(HttpContext httpContext, ReadOnlyMemory<byte> body)
    {
        var response = httpContext.Response;
        response.StatusCode = _statusCode;
        response.ContentType = _contentType;
        if (_statusCode != StatusCodes.Status200OK)
        {
            response.Headers.CacheControl = "no-store";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
            return;
        }

        var etag = EntityTags.Of(body.Span);
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = _renderedUtc;
        response.Headers.CacheControl = "no-cache";
        if (EntityTags.IsNotModified(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>The body in UTF-8, in a buffer rented from the shared pool (the caller returns it), and its length.</summary>
    private (byte[] Buffer, int Length) Utf8()
    {
        if (_text is not null)
        {
            var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(_text));
            return (rented, Encoding.UTF8.GetBytes(_text, rented));
        }
        // Taken once: the builder is given back below, so a second answer from it would read another page.
        var built = Interlocked.Exchange(ref _built, null) ?? throw new InvalidOperationException("A rendered page is answered once.");
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(built.Length));
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in built.GetChunks())
            length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
        length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
        PageBuffers.Return(built);
        return (buffer, length);
    }
}
