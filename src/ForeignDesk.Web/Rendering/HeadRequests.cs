using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// Answers <c>HEAD</c> as <c>GET</c> without the body, for every page, feed, sitemap and API address: the request goes
/// through the site as a <c>GET</c> (the same endpoint, page cache entry, <c>ETag</c> and <c>304</c>), its body is
/// counted and dropped, and the count becomes the <c>Content-Length</c> when the answer did not give one. It runs before
/// routing, which matches endpoints by method, so it wraps the whole application.
/// </summary>
internal sealed class HeadRequests : IStartupFilter
{
    /// <summary>Set on a request that came as <c>HEAD</c>; a feature, so that asking costs no allocation.</summary>
    private sealed class CameAsHeadFeature;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(AnswerAsync);
        next(app);
    };

    /// <summary>Whether the request, now seen as a <c>GET</c>, came as a <c>HEAD</c> (a view is not counted for it).</summary>
    public static bool CameAsHead(HttpContext context) => context.Features.Get<CameAsHeadFeature>() is not null;

    private static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var counted = new CountingStream();
        var headBody = new StreamResponseBodyFeature(counted, bodyFeature);
        context.Features.Set<IHttpResponseBodyFeature>(headBody);
        context.Features.Set(new CameAsHeadFeature());
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
            await headBody.CompleteAsync();
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(bodyFeature);
        }

        if (!response.HasStarted && response.ContentLength is null && response.Headers.TransferEncoding.Count == 0
            && response.StatusCode is >= 200 and not StatusCodes.Status204NoContent and not StatusCodes.Status304NotModified)
            response.ContentLength = counted.Length;
    }

    /// <summary>Drops what is written and counts its bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
