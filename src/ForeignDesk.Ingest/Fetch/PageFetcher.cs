using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using ForeignDesk.Core;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// The one HTTP client of ForeignDesk: identifying User-Agent, conditional GET, manual redirects, robots.txt,
/// one request at a time per host with a delay between requests (across processes through the store's host slots), a size cap on the decompressed body, a total timeout and no private addresses
/// unless <see cref="FetchOptions.AllowPrivateNetworks"/>.
/// </summary>
public sealed class PageFetcher : IPageFetcher, IDisposable
{
    internal const long RobotsMaxBytes = 512 * 1024;

    private readonly FetchOptions options;
    private readonly TimeProvider time;
    private readonly HttpClient client;
    private readonly HostGate gate;
    private readonly RobotsCache robots;
    private readonly PrivateHostList allowedPrivate;

    /// <param name="slots">The store's hosts' fetch slots, so that per-host politeness holds across processes; none
    /// where the fetcher runs without a store (each host's delay then holds within this process only).</param>
    public PageFetcher(IOptions<FetchOptions> options, TimeProvider time, IHostSlots? slots = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        gate = new HostGate(this.options.MinDelayPerHost, time, slots);
        allowedPrivate = new PrivateHostList(this.options.AllowedPrivateHosts);
        robots = new RobotsCache(this.options.UserAgent.Split('/', ' ')[0], time);
        var handler = GuardedConnection.Handler(this.options);
        handler.AutomaticDecompression = DecompressionMethods.All;
        client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request, options.ObeyRobots, options.MaxBodyBytes, ct);
    }

    public void Dispose() => client.Dispose();

    private async Task<FetchOutcome> RunAsync(FetchRequest request, bool obeyRobots, long maxBytes, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var hops = new Hops(request, obeyRobots, maxBytes, timeout, options.Timeout);
        try
        {
            return await FollowAsync(hops, linked.Token, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return FetchOutcome.Failed(FetchStatus.Timeout, $"timed out after {Describe.Seconds(options.Timeout)} s");
        }
    }

    private async Task<FetchOutcome> FollowAsync(Hops hops, CancellationToken token, CancellationToken callerToken)
    {
        var current = hops.Request.Url;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var redirects = 0; ; redirects++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return FetchOutcome.Failed(FetchStatus.Refused, $"refused: {current.Scheme} URLs are not fetched");
            }

            if (!visited.Add(current.AbsoluteUri))
            {
                return FetchOutcome.Failed(FetchStatus.HttpError, $"redirect loop at {current.AbsoluteUri}");
            }

            if (RefusedLiteral(current) is { } refusal)
            {
                return FetchOutcome.Failed(FetchStatus.Refused, refusal);
            }

            if (hops.ObeyRobots && !await robots.IsAllowedAsync(current, DownloadRobotsAsync, callerToken).ConfigureAwait(false))
            {
                return FetchOutcome.Failed(FetchStatus.RobotsDisallowed, $"robots.txt disallows {current.AbsolutePath}");
            }

            var crawlDelay = hops.ObeyRobots ? robots.CrawlDelay(current) : null;
            using var pass = await gate.EnterAsync(current.IdnHost, crawlDelay, callerToken).ConfigureAwait(false);
            hops.StartClock();
            using var message = BuildRequest(current, hops.Request.Validators);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                return NetworkFailure(ex, current);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return FetchOutcome.Failed(FetchStatus.HttpError, $"HTTP {status} {response.ReasonPhrase} without a Location");
                    }

                    if (redirects >= options.MaxRedirects)
                    {
                        return FetchOutcome.Failed(FetchStatus.HttpError, $"too many redirects (more than {options.MaxRedirects})");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                return await ReadAnswerAsync(hops, current, response, token).ConfigureAwait(false);
            }
        }
    }

    private async Task<FetchOutcome> ReadAnswerAsync(Hops hops, Uri finalUrl, HttpResponseMessage response, CancellationToken token)
    {
        var status = (int)response.StatusCode;
        var reason = $"HTTP {status} {response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}".TrimEnd();
        if (status == 304)
        {
            return FetchOutcome.NotModified();
        }

        if (status == 429)
        {
            return FetchOutcome.Failed(FetchStatus.RateLimited, reason, retryAfter: RetryAfter(response.Headers.RetryAfter));
        }

        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(response.Content, hops.MaxBytes, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return FetchOutcome.Failed(FetchStatus.NetworkError, $"connection lost: {ex.Message}");
        }

        var success = status is >= 200 and < 300;
        if (body is null)
        {
            return success
                ? FetchOutcome.Failed(FetchStatus.TooLarge, $"response exceeds {Describe.Bytes(hops.MaxBytes)}")
                : FetchOutcome.Failed(FetchStatus.HttpError, reason);
        }

        var page = new FetchedPage(
            hops.Request.Url,
            finalUrl,
            status,
            response.Content.Headers.ContentType?.ToString(),
            body,
            time.GetUtcNow(),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.TryGetValues("Last-Modified", out var lastModified) ? lastModified.FirstOrDefault() : null,
            response.Headers.TryGetValues("X-Robots-Tag", out var robots) ? string.Join('\n', robots) : null);
        return success
            ? FetchOutcome.Ok(page)
            : FetchOutcome.Failed(FetchStatus.HttpError, reason, page, RetryAfter(response.Headers.RetryAfter));
    }

    private async Task<(int Status, byte[] Body)> DownloadRobotsAsync(Uri robotsUrl, CancellationToken ct)
    {
        var outcome = await RunAsync(new FetchRequest(robotsUrl), obeyRobots: false, RobotsMaxBytes, ct).ConfigureAwait(false);
        return outcome switch
        {
            { Page: { } page } => (page.Status, page.Body),
            { Status: FetchStatus.TooLarge } => (200, []),
            _ => (0, []),
        };
    }

    private HttpRequestMessage BuildRequest(Uri url, HttpValidators? validators)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", "*/*");
        if (validators?.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { Length: > 0 } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return message;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private string? RefusedLiteral(Uri url)
    {
        if (options.AllowPrivateNetworks || allowedPrivate.Allows(url.IdnHost, url.Port) || !IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address))
        {
            return null;
        }

        return AddressPolicy.NonPublicReason(address) is { } reason ? $"refused: {address} is {reason}" : null;
    }

    private static FetchOutcome NetworkFailure(HttpRequestException ex, Uri url)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AddressRefusedException refused:
                    return FetchOutcome.Failed(FetchStatus.Refused, refused.Message);
                case AuthenticationException tls:
                    return FetchOutcome.Failed(FetchStatus.NetworkError, $"TLS handshake failed: {tls.Message}");
                case SocketException socket when ex.HttpRequestError == HttpRequestError.NameResolutionError:
                    return FetchOutcome.Failed(FetchStatus.NetworkError, $"could not resolve {url.IdnHost}: {socket.Message}");
                case SocketException socket:
                    return FetchOutcome.Failed(FetchStatus.NetworkError, $"could not connect: {socket.Message}");
            }
        }

        return FetchOutcome.Failed(FetchStatus.NetworkError, $"network error: {ex.Message}");
    }

    /// <summary>The state of one fetch across its redirects; the clock starts when the first request goes out.</summary>
    private sealed class Hops(FetchRequest request, bool obeyRobots, long maxBytes, CancellationTokenSource timeout, TimeSpan limit)
    {
        private bool started;

        public FetchRequest Request => request;

        public bool ObeyRobots => obeyRobots;

        public long MaxBytes => maxBytes;

        public void StartClock()
        {
            if (!started)
            {
                started = true;
                timeout.CancelAfter(limit);
            }
        }
    }
}
