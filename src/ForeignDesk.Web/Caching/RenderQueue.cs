using ForeignDesk.Web.Api;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// Admission for the requests that the page cache does not answer: at most <see cref="SiteOptions.RenderConcurrency"/>
/// of them render at once and the rest wait in arrival order without holding a thread. Rendering reads the store, and
/// the store's reads run on the request's thread; without a limit a burst of uncached pages (a search for every word,
/// a crawler over old articles) takes every thread, and cached pages, which cost microseconds, wait behind it. Past
/// <see cref="SiteOptions.RenderQueueLength"/> waiting requests a request is turned away at once with 503 and
/// <c>Retry-After</c>, so an overload sheds requests instead of timing out every one of them.
/// </summary>
internal sealed class RenderQueue
{
    /// <summary>Addresses that never wait: the probes and the files that read no store.</summary>
    private static readonly PathString[] Exempt = ["/healthz", "/readyz", "/metrics", "/favicon.svg", "/assets"];

    private readonly SemaphoreSlim _slots;
    private readonly int _queueLength;
    private int _waiting;

    public RenderQueue(IOptions<SiteOptions> options)
    {
        var concurrency = options.Value.RenderConcurrency ?? Math.Max(2, 2 * Environment.ProcessorCount);
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _queueLength = options.Value.RenderQueueLength;
    }

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (!_slots.Wait(0))
        {
            if (Interlocked.Increment(ref _waiting) > _queueLength)
            {
                Interlocked.Decrement(ref _waiting);
                await TurnAwayAsync(context);
                return;
            }
            try
            {
                // SemaphoreSlim hands freed slots to asynchronous waiters in the order they came.
                await _slots.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        try
        {
            await next(context);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static bool IsExempt(PathString path)
    {
        foreach (var exempt in Exempt)
            if (path.StartsWithSegments(exempt)) return true;
        return false;
    }

    private static Task TurnAwayAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        const string text = "The site is answering more requests than it can at the moment. Please try again in a moment.";
        var result = ApiProblems.Owns(context.Request)
            ? Results.Problem(text, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy")
            : context.RequestServices.GetRequiredService<SiteShell>()
                .Message(context.Request, StatusCodes.Status503ServiceUnavailable, "The news is busy for a moment", text);
        return result.ExecuteAsync(context);
    }
}
