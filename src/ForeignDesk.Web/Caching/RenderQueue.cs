using ForeignDesk.Web.Api;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// Admission for the requests that the page cache does not answer: at most <see cref="SiteOptions.RenderConcurrency"/>
/// of them render at once and the rest wait in arrival order without holding a thread. Rendering reads the store, and
/// the store's reads run on the request's thread; without a limit a burst of uncached pages (a crawler over old
/// articles) takes every thread, and cached pages, which cost microseconds, wait behind it. Searches have a line of
/// their own (<see cref="SiteOptions.SearchConcurrency"/>, one per processor by default): a new search costs
/// milliseconds where an uncached article costs a fraction of one, so a burst of new searches waits in its own line
/// and never takes the slots of the articles and lists. Past
/// <see cref="SiteOptions.RenderQueueLength"/> requests waiting in a line a request is turned away at once with 503 and
/// <c>Retry-After</c>, so an overload sheds requests instead of timing out every one of them.
/// </summary>
internal sealed class RenderQueue
{
    /// <summary>Addresses that never wait: the probes and the files that read no store.</summary>
    private static readonly PathString[] Exempt = ["/healthz", "/readyz", "/metrics", "/favicon.svg", "/assets"];

    /// <summary>The search page, its JSON and feeds, and the API's search.</summary>
    private static readonly PathString[] Searches = ["/search", "/search.json", "/api/v1/search"];

    private readonly Line _pages;
    private readonly Line _searches;

    public RenderQueue(IOptions<SiteOptions> options)
    {
        _pages = new Line(options.Value.RenderConcurrency ?? Math.Max(2, 2 * Environment.ProcessorCount), options.Value.RenderQueueLength);
        _searches = new Line(options.Value.SearchConcurrency ?? Environment.ProcessorCount, options.Value.RenderQueueLength);
    }

    /// <summary>Requests waiting for a slot now, in both lines.</summary>
    public int Waiting => _pages.Waiting + _searches.Waiting;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAny(context.Request.Path, Exempt))
        {
            await next(context);
            return;
        }
        var line = IsAny(context.Request.Path, Searches) ? _searches : _pages;
        if (!await line.EnterAsync(context.RequestAborted))
        {
            if (!context.RequestAborted.IsCancellationRequested) await TurnAwayAsync(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            line.Leave();
        }
    }

    /// <summary>Slots and the line of requests waiting for one.</summary>
    private sealed class Line(int concurrency, int queueLength)
    {
        private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        /// <returns>False when the line is full or the reader left while waiting: the request is not rendered.</returns>
        public async ValueTask<bool> EnterAsync(CancellationToken aborted)
        {
            if (_slots.Wait(0)) return true;
            if (Interlocked.Increment(ref _waiting) > queueLength)
            {
                Interlocked.Decrement(ref _waiting);
                return false;
            }
            try
            {
                // SemaphoreSlim hands freed slots to asynchronous waiters in the order they came.
                await _slots.WaitAsync(aborted);
                return true;
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                return false;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        public void Leave() => _slots.Release();
    }

    private static bool IsAny(PathString path, PathString[] prefixes)
    {
        foreach (var prefix in prefixes)
            if (path.StartsWithSegments(prefix)) return true;
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
