using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Bench.Latency;

/// <summary>
/// Outlets on loopback, each on its own address 127.0.1.N (so that the fetcher's per-host gate applies per outlet),
/// publishing on a Poisson schedule: an RSS feed of each outlet's newest items and a Spanish page per article. It
/// records, per article, when a feed response first listed it. Outlets below <see cref="HubOutlets"/> name a WebSub
/// hub in their feeds and ping it at each publication (<see cref="RunPingsAsync"/>).
/// </summary>
internal sealed class SimulatedWorld : IAsyncDisposable
{
    public const int FeedSize = 20;

    private readonly WebApplication _server;
    private readonly WorldArticle[][] _byOutlet;
    private readonly ConcurrentDictionary<int, long> _firstListed = new();
    private readonly ConcurrentDictionary<int, string> _pages = new();
    private readonly int _port;
    private readonly Uri? _hub;

    private SimulatedWorld(WebApplication server, IReadOnlyList<WorldArticle> schedule, int outlets, int port, DateTimeOffset startUtc, long startTimestamp,
        Uri? hub, int hubOutlets)
    {
        _server = server;
        _port = port;
        _hub = hub;
        HubOutlets = hub is null ? 0 : hubOutlets;
        Schedule = schedule;
        StartUtc = startUtc;
        StartTimestamp = startTimestamp;
        _byOutlet = Enumerable.Range(0, outlets).Select(o => schedule.Where(a => a.Outlet == o).ToArray()).ToArray();
    }

    public IReadOnlyList<WorldArticle> Schedule { get; }
    public DateTimeOffset StartUtc { get; }
    public long StartTimestamp { get; }
    public int Outlets => _byOutlet.Length;

    /// <summary>Outlets 0 to this number (excluded) name the hub and ping it.</summary>
    public int HubOutlets { get; }

    public bool NamesHub(int outlet) => outlet < HubOutlets;

    public Uri FeedUrl(int outlet) => new(Home(outlet), "rss.xml");

    /// <summary>The first time (a <see cref="TimeProvider"/> timestamp) a feed response listed the article, if one did.</summary>
    public long? FirstListed(int index) => _firstListed.TryGetValue(index, out var at) ? at : null;

    public static string OutletName(int outlet) => $"Diario {outlet + 1} del Sur";

    public Uri Home(int outlet) => new($"http://{Address(outlet)}:{_port}/");

    /// <summary>A Poisson schedule: exponential gaps at the total rate, each article at a random outlet, all after <paramref name="quiet"/>.</summary>
    public static IReadOnlyList<WorldArticle> Plan(int outlets, double perDay, TimeSpan length, int seed, TimeSpan quiet = default)
    {
        var random = new Random(seed);
        var perSecond = perDay / 86_400;
        var list = new List<WorldArticle>();
        var at = 0.0;
        while (true)
        {
            at += -Math.Log(1 - random.NextDouble()) / perSecond;
            if (at >= length.TotalSeconds) return list;
            list.Add(new WorldArticle(list.Count, random.Next(outlets), quiet + TimeSpan.FromSeconds(at)));
        }
    }

    /// <param name="hub">The WebSub hub of the world, named by the feeds of the first <paramref name="hubOutlets"/> outlets.</param>
    public static async Task<SimulatedWorld> StartAsync(int outlets, IReadOnlyList<WorldArticle> schedule, Uri? hub, int hubOutlets, CancellationToken cancellationToken)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var o = 0; o < outlets; o++) k.Listen(Address(o), port);
        });
        var app = builder.Build();
        var start = TimeProvider.System.GetTimestamp();
        var world = new SimulatedWorld(app, schedule, outlets, port, TimeProvider.System.GetUtcNow(), start, hub, hubOutlets);
        app.Run(world.ServeAsync);
        await app.StartAsync(cancellationToken);
        return world;
    }

    private static IPAddress Address(int outlet) =>
        new([127, (byte)(1 + outlet / 250), (byte)(1 + outlet % 250), 1]);

    private TimeSpan Now => TimeProvider.System.GetElapsedTime(StartTimestamp);

    private async Task ServeAsync(HttpContext context)
    {
        var local = context.Connection.LocalIpAddress?.MapToIPv4().GetAddressBytes();
        var outlet = local is { Length: 4 } ? (local[1] - 1) * 250 + (local[2] - 1) : -1;
        var path = context.Request.Path.Value ?? "/";
        if (outlet < 0 || outlet >= _byOutlet.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (path == "/rss.xml")
        {
            await ServeFeedAsync(context, outlet);
            return;
        }

        if (SpanishNewsWriter.IndexOf(path) is { } index && index < Schedule.Count && Schedule[index].Outlet == outlet
            && Schedule[index].PublishedAt <= Now)
        {
            var article = Schedule[index];
            await SendAsync(context, $"\"a{index}\"", "text/html; charset=utf-8",
                () => _pages.GetOrAdd(index, _ => SpanishNewsWriter.Page(Home(outlet), OutletName(outlet), article, StartUtc + article.PublishedAt)));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private Task ServeFeedAsync(HttpContext context, int outlet)
    {
        var now = Now;
        var published = _byOutlet[outlet].Where(a => a.PublishedAt <= now).ToArray();
        var newest = published.Reverse().Take(FeedSize).ToArray();
        var etag = $"\"f{published.Length}\"";
        if (context.Request.Headers.IfNoneMatch.ToString() != etag)
        {
            var at = TimeProvider.System.GetTimestamp();
            foreach (var article in newest) _firstListed.TryAdd(article.Index, at);
        }

        return SendAsync(context, etag, "application/rss+xml; charset=utf-8",
            () => SpanishNewsWriter.Feed(OutletName(outlet), Home(outlet), newest.Select(a => (a, StartUtc + a.PublishedAt)),
                NamesHub(outlet) ? _hub : null, FeedUrl(outlet)));
    }

    private static async Task SendAsync(HttpContext context, string etag, string contentType, Func<string> body)
    {
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body()), context.RequestAborted);
    }

    /// <summary>
    /// The publishers' side of WebSub: at each article's publication instant, its outlet (if it names the hub) pings
    /// the hub with <c>hub.mode=publish</c> and its feed URL. Runs until the schedule ends or it is cancelled.
    /// </summary>
    public async Task RunPingsAsync(CancellationToken cancellationToken)
    {
        if (_hub is null) return;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var article in Schedule.Where(a => NamesHub(a.Outlet)))
        {
            var wait = article.PublishedAt - Now;
            if (wait > TimeSpan.Zero && !await DelayAsync(wait, cancellationToken)) return;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["hub.mode"] = "publish",
                ["hub.url"] = FeedUrl(article.Outlet).AbsoluteUri,
            });
            using var response = await client.PostAsync(_hub, form, cancellationToken);
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.Delay(wait, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
